import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baobei, data, failure, officeWithSubmissions, passwordOf } from './testing/child';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The office's audit log: its set-up and people, then li's three submissions, the newest last. */
async function audited() {
  const made = await officeWithSubmissions();
  dir = made.dir;
  const raw = new BetterSqlite3(made.dbFile);
  const submissions = (raw.prepare(`SELECT id FROM audit_log WHERE operation = 'registrations.submit' ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
  const { total } = raw.prepare('SELECT count(*) AS total FROM audit_log').get() as { total: number };
  raw.close();
  const tamper = (sql: string) => {
    const tool = new BetterSqlite3(made.dbFile);
    tool.exec(sql);
    tool.close();
  };
  return { ...made, submissions, total, tamper };
}

describe('baobei audit verify', () => {
  it('exits 0 on an untouched log', async () => {
    const { dbFile, total } = await audited();
    expect(data(baobei(['audit', 'verify', '--db', dbFile]))).toEqual({ ok: true, entries: total, firstBroken: null });
  });

  // Each case tampers around the second submission (`middle`) or after the newest entry (`last`).
  it.each([
    ['an edited entry', (middle: number) => `UPDATE audit_log SET after = '{"forged":true}' WHERE id = ${middle}`, (middle: number) => ({ id: middle, problem: 'tampered' })],
    ['a deleted entry', (middle: number) => `DELETE FROM audit_log WHERE id = ${middle}`, (middle: number) => ({ id: middle + 1, problem: 'missing' })],
    [
      'an entry inserted outside the app',
      (_middle: number, last: number) =>
        `INSERT INTO audit_log (id, at, user_id, operation, entity, entity_id, before, after, prev_hash, hash)
         SELECT id + 1, at, user_id, 'review.approve', entity, entity_id, NULL, NULL, hash, hash FROM audit_log WHERE id = ${last}`,
      (_middle: number, last: number) => ({ id: last + 1, problem: 'tampered' }),
    ],
  ])('exits non-zero naming the first broken entry after %s', async (_what, sql, expected) => {
    const { dbFile, tamper, submissions, total } = await audited();
    const middle = submissions[1]!;
    tamper(sql(middle, total));
    const firstBroken = expected(middle, total);
    const run = baobei(['audit', 'verify', '--db', dbFile]);
    expect(run.status).toBe(1);
    expect(failure(run)).toMatchObject({ code: 'CONFLICT', details: { params: firstBroken } });
    expect(failure(run).message).toContain(`#${firstBroken.id}`);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, firstBroken, entry: { id: firstBroken.id } });
  });
});

describe('baobei audit export', () => {
  it('writes the whole log to a workbook Excel reads back: dates, frozen header, filter', async () => {
    const { dbFile, total } = await audited();
    const out = path.join(path.dirname(dbFile), 'audit.xlsx');
    expect(data(baobei(['audit', 'export', '--db', dbFile, '--as', 'admin', '--out', out], passwordOf('admin')))).toEqual({ file: out, entries: total });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '编号', '时间', '用户', '操作', '对象', '对象编号', '修改前', '修改后']);
    expect(sheet.rowCount).toBe(total + 1);
    const newest = sheet.getRow(2);
    expect(newest.getCell(1).value).toBe(total);
    expect(newest.getCell(2).value).toBeInstanceOf(Date);
    expect(newest.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(newest.getCell(3).value).toBe('李雷');
    expect(newest.getCell(4).value).toBe('registrations.submit');
    expect(JSON.parse(String(newest.getCell(8).value))).toMatchObject({ customer_name: '上海明远贸易有限公司' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:H${total + 1}`);

    expect(failure(baobei(['audit', 'export', '--db', dbFile, '--as', 'admin', '--out', out], passwordOf('admin'))).code).toBe('CONFLICT');
    const sales = baobei(['audit', 'export', '--db', dbFile, '--as', 'li', '--out', path.join(path.dirname(dbFile), 'mine.xlsx')], passwordOf('li'));
    expect(failure(sales).code).toBe('FORBIDDEN');
    expect(fs.readdirSync(path.dirname(dbFile)).filter((f) => f.endsWith('.xlsx') || f.endsWith('.partial'))).toEqual(['audit.xlsx']);
  });
});
