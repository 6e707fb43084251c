import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetailRow } from './detail-rows';
import { writeDetailSheet, zipBacklog } from './detail-sheet';
import { labelsFor } from './labels';
import { watchWrites } from './write-failure';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baobei-detail-sheet-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function opportunity(id: number): DetailRow {
  return {
    id,
    customerName: `深圳市星辰科技有限公司 ${id}`,
    customerKind: 'company',
    contactPerson: '张伟',
    phones: '13812345678',
    email: null,
    uscc: null,
    region: '广东省深圳市',
    needDescription: '需要一套覆盖全部门店的收银与库存系统，预计明年上线。'.repeat(3),
    budget: 120_000 + id,
    expectedCloseDate: '2026-12-31',
    stage: 'quotation',
    status: 'approved',
    sourceChannel: '展会',
    productLine: '零售',
    ownerName: '李娜',
    fromPool: false,
    submittedAt: '2026-01-02T03:04:05.000Z',
    approvedAt: '2026-01-03T03:04:05.000Z',
    protectedUntil: null,
    finalAmount: null,
    closedAt: null,
    lostReason: null,
    lastActivityAt: '2026-02-03T03:04:05.000Z',
    nextAction: '电话回访',
    nextDueDate: '2026-03-01',
    createdAt: '2026-01-01T03:04:05.000Z',
    updatedAt: '2026-02-03T03:04:05.000Z',
  };
}

describe('the 商机明细 sheet streams', () => {
  it('waits for the zip to take in each page before the next is read, so written rows never pile up in memory', async () => {
    const file = path.join(dir, 'details.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    const l = labelsFor('zh-CN');
    const pageSize = 2_000;
    const backlogs: (number | null)[] = [];
    async function* pages() {
      for (let p = 0; p < 8; p++) {
        // Asked for the next page: what the sheet wrote so far must have gone into the zip.
        if (p > 0) backlogs.push(zipBacklog(wb.getWorksheet(l.t('report.sheet.details'))!));
        yield Array.from({ length: pageSize }, (_, i) => opportunity(p * pageSize + i + 1));
      }
    }
    const written = await writeDetailSheet(wb, l, pages(), () => {});
    await wb.commit();
    expect(written).toBe(8 * pageSize);
    // A page is about a megabyte of XML; without waiting, the backlog grows by that much per page.
    expect(backlogs).toHaveLength(7);
    for (const backlog of backlogs) expect(backlog).toBeLessThan(64 * 1024);

    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(file);
    const ws = read.getWorksheet(l.t('report.sheet.details'))!;
    expect(ws.rowCount).toBe(8 * pageSize + 1);
    expect(ws.getCell(`A${8 * pageSize + 1}`).value).toBe(8 * pageSize);
  });

  // Linux's /dev/full fails every write with ENOSPC, as a full disk would.
  it.skipIf(!fs.existsSync('/dev/full'))('stops with the error when the file cannot be written, rather than waiting for the zip for ever', async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: '/dev/full', useStyles: true, useSharedStrings: false });
    const writes = watchWrites(wb);
    async function* pages() {
      for (let p = 0; p < 20; p++) yield Array.from({ length: 2_000 }, (_, i) => opportunity(p * 2_000 + i + 1));
    }
    const written = writeDetailSheet(wb, labelsFor('zh-CN'), pages(), () => {}, writes.signal).then(() => Promise.race([wb.commit(), writes.failed]));
    await expect(written).rejects.toThrow();
    expect(String(writes.error())).toMatch(/ENOSPC/);
  }, 20_000);
});
