import { afterEach, describe, expect, it } from 'vitest';
import { makeCaller, makeTestHost, type TestHost } from './testing/test-host';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('dispatcher', () => {
  it('rejects an unknown operation and malformed input with typed errors', async () => {
    t = await makeTestHost();
    const unknown = await t.dispatch(makeCaller(), 'users.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await t.dispatch(t.admin, 'users.create', { username: 'x', role: 'boss', password: 1 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION');
    const paths = bad.error.details?.issues?.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['username', 'role', 'password', 'displayName']));
    expect(bad.error.details?.issues?.find((i) => i.path[0] === 'username')?.message).toContain('用户名');
  });

  it('checks the role before the handler runs', async () => {
    t = await makeTestHost();
    await t.call(t.admin, 'users.create', { username: 'li', displayName: '李雷', role: 'sales', password: 'sales-pass-1' });
    const sales = await t.signIn('li', 'sales-pass-1');
    const denied = await t.dispatch(sales, 'users.create', { username: 'x2', displayName: 'X', role: 'admin', password: 'whatever-1' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const users = await t.call(t.admin, 'users.list', { includeInactive: true });
    expect(users.map((u) => u.username)).toEqual(['admin', 'li']);
    const anonymous = await t.dispatch(makeCaller(), 'users.list', {});
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('never sends a password hash to the caller', async () => {
    t = await makeTestHost();
    const created = await t.call(t.admin, 'users.create', { username: 'wang', displayName: '王', role: 'reviewer', password: 'reviewer-1' });
    expect(JSON.stringify(created)).not.toContain('scrypt');
  });
});
