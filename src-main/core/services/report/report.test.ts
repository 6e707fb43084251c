import type ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import { stages } from '../../../../src-shared/contract/registrations';
import { translate } from '../../../../src-shared/i18n';
import type { Caller } from '../../handler';
import { errorOf } from '../../testing/office';
import type { TestHost } from '../../testing/test-host';
import { NUMBER_FORMAT } from './cell-formats';
import { DEMO_PASSWORD, chartsBySheet, dataRows, demoOffice, exportThrough, readWorkbook } from './testing';

const zh = (key: string) => translate('zh-CN', key);
const sheetNames = ['overview', 'funnel', 'conversion', 'salespeople', 'channels', 'trend', 'details'].map((s) => zh(`report.sheet.${s}`));

let t: TestHost;
let sales: Caller;
let salesId: number;
let report: FunnelReport;
let wb: ExcelJS.Workbook;
let file: string;

beforeAll(async () => {
  t = await demoOffice(300);
  sales = await t.signIn('sales001', DEMO_PASSWORD);
  salesId = t.host.sessions.userId((sales as { token?: string }).token)!;
  report = await t.call(t.admin, 'funnel.report', { filters: {} });
  ({ file } = await exportThrough(t, t.admin, { filters: {} }));
  wb = await readWorkbook(file);
});
afterAll(() => t.close());

const adminIdOf = () => t.host.sessions.userId((t.admin as { token?: string }).token)!;

/** Polls an admin's export until it stops running. */
async function settle(jobId: string) {
  let job = await t.call(t.admin, 'report.progress', { jobId });
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 10));
    job = await t.call(t.admin, 'report.progress', { jobId });
  }
  return job;
}

const sheet = (name: string) => {
  const ws = wb.getWorksheet(zh(`report.sheet.${name}`));
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

describe('the workbook read back shows the funnel analytics', () => {
  it('has the seven sheets in order, each with a frozen, filtered header and landscape fit-to-width printing', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(sheetNames);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      if (ws.name !== zh('report.sheet.overview')) expect(ws.autoFilter).toBeTruthy();
    }
  });

  it('漏斗: each stage as the analytics count it, its conversion to the next stage and the cumulative one', () => {
    const rows = dataRows(sheet('funnel'));
    expect(rows).toEqual(
      report.stages.map((s, i) => [
        zh(`stage.${s.stage}`),
        s.reached.count,
        s.reached.amount,
        report.stages[i + 1]?.conversionFromPrevious ?? null,
        s.cumulativeConversion,
        s.open.count,
        s.open.amount,
        s.probability / 100,
        s.weightedAmount,
        s.averageDaysInStage,
        s.stale,
      ]),
    );
    // A real funnel: the demo moved opportunities through every stage.
    expect(report.stages.map((s) => s.reached.count)).toEqual([...report.stages.map((s) => s.reached.count)].sort((a, b) => b - a));
    expect(report.stages[0]!.reached.count).toBeGreaterThan(0);
    const ws = sheet('funnel');
    expect(ws.getCell('C2').numFmt).toBe(NUMBER_FORMAT.money);
    expect(ws.getCell('E2').numFmt).toBe(NUMBER_FORMAT.percent);
  });

  it('销售人员, 渠道与产品: the leaderboard and every breakdown row', () => {
    const outcome = (r: FunnelReport['bySalesperson'][number]) => [
      r.opportunities,
      r.open.count,
      r.open.amount,
      r.weightedPipeline,
      r.won.count,
      r.won.amount,
      r.lost.count,
      r.lost.amount,
      r.winRate,
      r.averageWonAmount,
      r.averageCycleDays.won,
      r.stale,
    ];
    expect(report.bySalesperson.length).toBeGreaterThan(3);
    expect(dataRows(sheet('salespeople'))).toEqual(report.bySalesperson.map((r) => [r.label, ...outcome(r)]));
    const name = (r: FunnelReport['byChannel'][number]) => r.label ?? (r.key === null ? zh('report.filter.empty') : String(r.key));
    expect(dataRows(sheet('channels'))).toEqual([
      ...report.byChannel.map((r) => [zh('report.dimension.channel'), name(r), ...outcome(r)]),
      ...report.byProductLine.map((r) => [zh('report.dimension.productLine'), name(r), ...outcome(r)]),
      ...report.byRegion.map((r) => [zh('report.dimension.region'), name(r), ...outcome(r)]),
    ]);
  });

  it('月度趋势: the trend by month, then the forecast by expected close month', () => {
    const rows = dataRows(sheet('trend'));
    const trend = report.trend.map((m) => [m.month, m.created, m.createdAmount, m.won, m.wonAmount, m.lost, m.lostAmount]);
    expect(rows.slice(0, trend.length)).toEqual(trend);
    // After a blank row (not listed), the forecast's header and its rows.
    expect(rows[trend.length]![0]).toBe(zh('report.col.forecastMonth'));
    expect(rows.slice(trend.length + 1).map((r) => r.slice(0, 4))).toEqual(
      report.forecast.map((f) => [f.month ?? zh('report.col.noDate'), f.count, f.amount, f.weightedAmount]),
    );
    expect(report.trend.length).toBeGreaterThan(6);
  });

  it('转化: each month is the cohort that entered then, as funnel.report gives it for that month', async () => {
    const rows = dataRows(sheet('conversion'));
    const months = report.trend.filter((m) => m.created > 0).slice(-12);
    expect(rows.map((r) => r[0])).toEqual(months.map((m) => m.month));
    for (const [i, m] of months.entries()) {
      const [y, mo] = m.month.split('-').map(Number) as [number, number];
      const to = `${m.month}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
      const cohort = await t.call(t.admin, 'funnel.report', { filters: { period: { from: `${m.month}-01`, to } } });
      expect(rows[i]).toEqual([
        m.month,
        cohort.stages[0]!.reached.count,
        ...cohort.stages.slice(1).map((s) => s.conversionFromPrevious),
        cohort.stages[stages.length - 1]!.cumulativeConversion,
        cohort.summary.winRate,
      ]);
    }
  });

  it('概览: generated at and by, the filters, and the key figures', () => {
    const ws = sheet('overview');
    const byLabel = new Map<string, ExcelJS.CellValue[]>();
    ws.eachRow((r) => {
      const values = Array.from({ length: 4 }, (_, i) => (r.values as ExcelJS.CellValue[])[i + 1] ?? null);
      byLabel.set(String(values[0]), values.slice(1));
    });
    expect(byLabel.get(zh('report.generatedBy'))![0]).toBe('管理员');
    expect(byLabel.get(zh('report.generatedAt'))![0]).toBeInstanceOf(Date);
    expect(byLabel.get(zh('report.scope'))![0]).toBe(zh('report.scope.team'));
    expect(byLabel.get(zh('report.filter.period'))![0]).toBe(zh('report.filter.all'));
    const s = report.summary;
    expect(byLabel.get(zh('report.kpi.opportunities'))![0]).toBe(s.opportunities);
    expect(byLabel.get(zh('report.kpi.won'))!.slice(0, 2)).toEqual([s.won.count, s.won.amount]);
    expect(byLabel.get(zh('report.kpi.lost'))!.slice(0, 2)).toEqual([s.lost.count, s.lost.amount]);
    expect(byLabel.get(zh('report.kpi.open'))!.slice(0, 2)).toEqual([s.open.count, s.open.amount]);
    expect(byLabel.get(zh('report.kpi.winRate'))![0]).toBe(s.winRate);
    expect(byLabel.get(zh('report.kpi.weighted'))![1]).toBe(s.weightedPipeline);
    expect(byLabel.get(zh('report.kpi.stale'))![0]).toBe(s.stale);
    for (const reason of report.lostReasons) {
      expect(byLabel.get(reason.reason ?? zh('report.filter.empty'))).toEqual([reason.count, reason.amount, reason.share]);
    }
  });

  it('商机明细: exactly the opportunities the figures count, with real dates and amounts', async () => {
    const ws = sheet('details');
    const rows = dataRows(ws);
    expect(rows).toHaveLength(report.summary.opportunities);
    const inFunnel = await t.host.requireDb().read((q) =>
      q.selectFrom('registrations').select(['id', 'budget_fen', 'expected_close_date']).where('status', 'in', ['approved', 'won', 'lost', 'expired']).orderBy('id').execute(),
    );
    expect(rows.map((r) => r[0])).toEqual(inFunnel.map((r) => r.id));
    const budgets = rows.reduce((sum, r) => sum + (Number(r[9]) || 0) * 100, 0);
    expect(Math.round(budgets)).toBe(inFunnel.reduce((sum, r) => sum + (r.budget_fen ?? 0), 0));
    const first = inFunnel.find((r) => r.expected_close_date)!;
    const shown = rows.find((r) => r[0] === first.id)!;
    expect(shown[10]).toEqual(new Date(`${first.expected_close_date}T00:00:00.000Z`));
    expect(ws.getCell('J2').numFmt).toBe(NUMBER_FORMAT.money);
    expect(ws.getCell('K2').numFmt).toBe(NUMBER_FORMAT.date);
    // CJK counts double: the customer column is wider than its longest name in characters.
    expect(ws.getColumn(2).width).toBeGreaterThan(Math.max(...rows.map((r) => String(r[1]).length)));
  });

  it('holds native charts on 漏斗, 销售人员 and 月度趋势, bound to their cells', async () => {
    const charts = await chartsBySheet(file);
    const kinds = (sheetName: string) => charts.get(zh(`report.sheet.${sheetName}`))!.map((c) => /<c:(barDir|lineChart)[^>]*?(?:val="(\w+)")?\/?>/.exec(c)!.slice(1).join(':'));
    expect(kinds('funnel')).toEqual(['barDir:bar']);
    expect(kinds('salespeople')).toEqual(['barDir:col']);
    expect(kinds('trend')).toEqual(['lineChart:']);
    for (const other of ['overview', 'conversion', 'channels', 'details']) expect(charts.get(zh(`report.sheet.${other}`))).toEqual([]);
    const funnel = charts.get(zh('report.sheet.funnel'))![0]!;
    expect(funnel).toContain(`<c:f>&apos;${zh('report.sheet.funnel')}&apos;!$B$2:$B$5</c:f>`);
    expect(funnel).toContain(`<c:v>${report.stages[0]!.reached.count}</c:v>`);
    const n = report.trend.length;
    expect(charts.get(zh('report.sheet.trend'))![0]).toContain(`<c:f>&apos;${zh('report.sheet.trend')}&apos;!$C$2:$C$${n + 1}</c:f>`);
  });
});

describe('who exports what', () => {
  it('a salesperson exports only their own opportunities, and their own figures', async () => {
    const own = await t.call(sales, 'funnel.report', { filters: {} });
    const { file: salesFile } = await exportThrough(t, sales, { filters: {} });
    const salesBook = await readWorkbook(salesFile);
    const details = dataRows(salesBook.getWorksheet(zh('report.sheet.details'))!);
    expect(details).toHaveLength(own.summary.opportunities);
    const owners = new Set(details.map((r) => r[15]));
    const me = await t.call(sales, 'auth.session', {});
    expect([...owners]).toEqual([me.user!.displayName]);
    expect(dataRows(salesBook.getWorksheet(zh('report.sheet.salespeople'))!).map((r) => r.slice(0, 2))).toEqual([
      [me.user!.displayName, own.summary.opportunities],
    ]);
  });

  it("naming someone else's opportunities is refused, and nobody sees another's export", async () => {
    const adminId = adminIdOf();
    expect((await errorOf(t.call(sales, 'report.start', { filters: { ownerIds: [adminId] } }))).code).toBe('FORBIDDEN');
    const theirs = await t.call(t.admin, 'report.start', { filters: {} });
    expect((await errorOf(t.call(sales, 'report.progress', { jobId: theirs.jobId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(t.call(sales, 'report.cancel', { jobId: theirs.jobId }))).code).toBe('NOT_FOUND');
    expect(salesId).not.toBe(adminId);
    // One running export per user: a second one waits for the first.
    expect((await errorOf(t.call(t.admin, 'report.start', { filters: {} }))).code).toBe('CONFLICT');
    await settle(theirs.jobId);
  });

  it('the filters narrow the list like the figures, and English is an option', async () => {
    const channel = report.byChannel.find((c) => c.key !== null)!.key as string;
    const filters = { channels: [channel], period: { from: '2026-01-01', to: '2026-06-30' } };
    const narrowed = await t.call(t.admin, 'funnel.report', { filters });
    const { job, file: enFile } = await exportThrough(t, t.admin, { filters, language: 'en' });
    expect(job.fileName).toMatch(/^funnel-report-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const en = await readWorkbook(enFile);
    expect(en.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Funnel', 'Conversion', 'Salespeople', 'Channels and products', 'Monthly trend', 'Opportunities']);
    expect(dataRows(en.getWorksheet('Opportunities')!)).toHaveLength(narrowed.summary.opportunities);
    expect(narrowed.summary.opportunities).toBeLessThan(report.summary.opportunities);
  });

  it('a cancelled export leaves no file', async () => {
    const started = await t.call(t.admin, 'report.start', { filters: {} });
    await t.call(t.admin, 'report.cancel', { jobId: started.jobId });
    expect(await settle(started.jobId)).toMatchObject({ state: 'cancelled', downloadUrl: null });
    expect(fs.existsSync(path.dirname(t.host.reportJobs.get(started.jobId, adminIdOf()).file))).toBe(false);
  });

  it('the browser host has no save dialog: the file is a download', async () => {
    const { job } = await exportThrough(t, t.admin, { filters: {} });
    expect(job).toMatchObject({ state: 'done', delivery: 'download' });
    expect(job.downloadUrl).toMatch(/^\/report\/download\?key=[\w-]{32}$/);
    expect((await errorOf(t.call(t.admin, 'report.save', { jobId: job.jobId }))).code).toBe('CONFLICT');
  });
});
