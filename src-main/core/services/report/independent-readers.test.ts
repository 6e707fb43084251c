import type ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../../src-shared/i18n';
import type { TestHost } from '../../testing/test-host';
import { tempDir } from '../../testing/test-host';
import { DEMO_PASSWORD, demoOffice, exportThrough, readWorkbook } from './testing';

// Debian's python3-openpyxl and LibreOffice, installed by .ci/run. On a developer's machine without
// them these tests are skipped; in CI a missing one fails, never skips silently.
const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const inCi = process.env.CI === 'true';

const zh = (key: string) => translate('zh-CN', key);

let t: TestHost;
let file: string;

beforeAll(async () => {
  t = await demoOffice(150);
  // A salesperson's export: every sheet and chart, on a small list, so LibreOffice's run stays short.
  const sales = await t.signIn('sales001', DEMO_PASSWORD);
  ({ file } = await exportThrough(t, sales, { filters: {} }));
});
afterAll(() => t.close());

interface OpenpyxlSheet {
  name: string;
  rows: unknown[][];
  freeze: string | null;
  autoFilter: string | null;
  orientation: string;
  fitToWidth: number;
  charts: string[];
}

/** What exceljs reads from a sheet, in openpyxl's shape: every row up to the last, nulls for empty cells. */
function exceljsRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(
      Array.from({ length: ws.columnCount }, (_, c) => {
        const v = row.getCell(c + 1).value;
        return v instanceof Date ? v.toISOString() : (v ?? null);
      }),
    );
  }
  return rows;
}

describe('independent readers', () => {
  it.skipIf(!hasOpenpyxl && !inCi)('openpyxl reads every sheet and every value as exceljs does, and finds the charts', async () => {
    const run = spawnSync(PYTHON, [path.join(import.meta.dirname, 'read-with-openpyxl.py'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const { sheets } = JSON.parse(run.stdout) as { sheets: OpenpyxlSheet[] };
    const wb = await readWorkbook(file);
    expect(sheets.map((s) => s.name)).toEqual(wb.worksheets.map((ws) => ws.name));
    for (const s of sheets) {
      const ws = wb.getWorksheet(s.name)!;
      // openpyxl pads every row to the widest one; so does exceljsRows.
      expect(s.rows, s.name).toEqual(exceljsRows(ws));
      expect(s).toMatchObject({ freeze: 'A2', orientation: 'landscape', fitToWidth: 1 });
    }
    const charts = Object.fromEntries(sheets.map((s) => [s.name, s.charts]));
    expect(charts).toEqual({
      [zh('report.sheet.overview')]: [],
      [zh('report.sheet.funnel')]: ['BarChart'],
      [zh('report.sheet.conversion')]: [],
      [zh('report.sheet.salespeople')]: ['BarChart'],
      [zh('report.sheet.channels')]: [],
      [zh('report.sheet.trend')]: ['LineChart'],
      [zh('report.sheet.details')]: [],
    });
    const details = sheets.find((s) => s.name === zh('report.sheet.details'))!;
    expect(details.autoFilter).toBe(`A1:AB${details.rows.length}`);
  });

  it.skipIf(!hasSoffice && !inCi)('LibreOffice converts it to PDF without an error', () => {
    const dir = tempDir('baobei-soffice-');
    try {
      // A fresh profile: a first start on a shared one can hang on a lock left by another run.
      const run = spawnSync(
        'soffice',
        ['--headless', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, file],
        { encoding: 'utf8', timeout: 180_000 },
      );
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      const pdf = path.join(dir, `${path.basename(file, '.xlsx')}.pdf`);
      expect(fs.existsSync(pdf), `${run.stdout}\n${run.stderr}`).toBe(true);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 200_000);
});
