import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../core/db/database';
import { generateDemo } from '../core/demo/generate';
import { tempDir } from '../core/testing/test-host';

const root = path.resolve(import.meta.dirname, '../..');
const entry = path.join(import.meta.dirname, 'baobei.ts');
const PASSWORD = 'demo-pass-2026';

function baobei(args: string[]) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BAOBEI_')));
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { ...inherited, BAOBEI_PASSWORD: PASSWORD },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let db: string;
let salespeople: string[];

beforeAll(async () => {
  dir = tempDir('baobei-cli-report-');
  db = path.join(dir, 'office.sqlite');
  const database = await Database.open({ file: db, mode: 'create' });
  try {
    salespeople = (await generateDemo(database, { opportunities: 80, seed: 3, password: PASSWORD })).users.salespeople;
  } finally {
    await database.close();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('baobei report', () => {
  it('writes the workbook for a period, replacing an older one, and says what it wrote', async () => {
    const out = path.join(dir, 'weekly.xlsx');
    fs.writeFileSync(out, 'last week');
    const run = baobei(['report', '--db', db, '--as', 'admin', '--out', out, '--from', '2026-01-01', '--to', '2026-12-31']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { file: string; opportunities: number; filters: unknown; seconds: number };
    expect(result).toMatchObject({ file: out, filters: { period: { from: '2026-01-01', to: '2026-12-31' } } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('商机明细')!.rowCount - 1).toBe(result.opportunities);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('keeps a salesperson to their own: --owner of someone else is refused, their own is fine', () => {
    const [me, other] = salespeople as [string, string];
    const refused = baobei(['report', '--db', db, '--as', me, '--out', path.join(dir, 'theirs.xlsx'), '--owner', other]);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stderr).error.code).toBe('FORBIDDEN');
    expect(fs.existsSync(path.join(dir, 'theirs.xlsx'))).toBe(false);
    const own = baobei(['report', '--db', db, '--as', me, '--out', path.join(dir, 'mine.xlsx'), '--owner', me]);
    expect(own.status, own.stderr).toBe(0);
    const unknown = baobei(['report', '--db', db, '--as', 'admin', '--out', path.join(dir, 'x.xlsx'), '--owner', '没有这个人']);
    expect(JSON.parse(unknown.stderr).error).toMatchObject({ code: 'NOT_FOUND', message: '没有名为 没有这个人 的用户' });
  });
});
