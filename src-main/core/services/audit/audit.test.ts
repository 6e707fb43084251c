import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { form, makeOffice, type Office } from '../../testing/office';

let o: Office | undefined;
afterEach(async () => {
  await o?.close();
  o = undefined;
});

/** An office with a handful of audited changes, and a way to tamper with its file like a database tool would. */
async function auditedOffice() {
  const office = await makeOffice();
  const a = await office.call(office.li, 'registrations.submit', { fields: form() });
  await office.call(office.zhao, 'registrations.approve', { id: a.registration.id });
  await office.call(office.wang, 'registrations.saveDraft', { fields: { customerName: '杭州云帆网络有限公司' } });
  await office.call(office.admin, 'office.updateSettings', { settings: { protectionDays: 60 }, version: 0 });
  const tamper = (sql: string) => {
    const raw = new BetterSqlite3(office.dbFile);
    raw.exec(sql);
    raw.close();
  };
  return { office, tamper };
}

describe('audit chain', () => {
  it('records every change with who, when, what and before/after, and verifies', async () => {
    const { office } = await auditedOffice();
    o = office;
    const log = await o.call(o.admin, 'audit.list', {});
    expect(log.items.map((e) => e.operation).reverse()).toEqual([
      'setup.createAdmin',
      'users.create',
      'users.create',
      'users.create',
      'registrations.submit',
      'registrations.approve',
      'registrations.saveDraft',
      'office.updateSettings',
    ]);
    expect(log.items.find((e) => e.operation === 'registrations.submit')).toMatchObject({ userName: '李雷', entity: 'registration' });
    expect(JSON.stringify(log.items)).not.toContain('scrypt');
    expect(await o.call(o.admin, 'audit.verify', {})).toEqual({ ok: true, entries: 8, firstBroken: null });
  });

  it.each([
    ['an edited entry', `UPDATE audit_log SET after = '{"forged":true}' WHERE id = 2`, { id: 2, problem: 'tampered' }],
    ['a deleted entry', `DELETE FROM audit_log WHERE id = 2`, { id: 3, problem: 'missing' }],
    [
      'an entry inserted out of the app',
      `INSERT INTO audit_log (id, at, user_id, operation, entity, entity_id, before, after, prev_hash, hash)
       SELECT id + 1, at, user_id, 'registrations.approve', entity, entity_id, NULL, NULL, hash, hash FROM audit_log ORDER BY id DESC LIMIT 1`,
      { id: 9, problem: 'tampered' },
    ],
  ])('names the first broken entry after %s', async (_what, sql, firstBroken) => {
    const { office, tamper } = await auditedOffice();
    o = office;
    tamper(sql);
    const result = await o.call(o.admin, 'audit.verify', {});
    expect(result).toMatchObject({ ok: false, firstBroken });
  });
});
