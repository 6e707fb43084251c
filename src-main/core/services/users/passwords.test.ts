import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCaller, makeTestHost, type TestHost } from '../../testing/test-host';
import { hashPassword, verifyPassword } from './passwords';

// timingSafeEqual is watched, so the tests can see that every verification ends in a constant-time
// comparison of two keys of the same length, also for an unknown username.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});
const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);

let t: TestHost | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  timingSafeEqual.mockClear();
});

const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

describe('password hashes', () => {
  it('are scrypt with the parameters, a 16-byte salt and a 32-byte key in the stored string', async () => {
    const stored = await hashPassword('correct horse battery');
    const [, n, r, p, salt, key] = FORMAT.exec(stored) ?? [];
    expect([n, r, p]).toEqual(['32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('differ for two users with the same password: a salt per user', async () => {
    t = await makeTestHost();
    for (const username of ['li', 'wang']) {
      await t.call(t.admin, 'users.create', { username, displayName: username, role: 'sales', password: 'same-password-1' });
    }
    const rows = await t.host.requireDb().read((q) => q.selectFrom('users').select(['username', 'password_hash']).where('username', 'in', ['li', 'wang']).execute());
    const [a, b] = rows.map((r) => r.password_hash);
    expect(a).not.toBe(b);
    expect(FORMAT.exec(a!)?.[4]).not.toBe(FORMAT.exec(b!)?.[4]);
    expect(await verifyPassword('same-password-1', a!)).toBe(true);
    expect(await verifyPassword('same-password-1', b!)).toBe(true);
  });

  it('are verified with the parameters they carry, so stronger settings later keep old hashes valid', async () => {
    const salt = crypto.randomBytes(16);
    const key = crypto.scryptSync('old-password', salt, 32, { N: 1024, r: 8, p: 1 });
    const old = ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('old-password', old)).toBe(true);
    expect(await verifyPassword('other-password', old)).toBe(false);
  });

  it('are compared in constant time, key against key of the same length', async () => {
    const stored = await hashPassword('right-password');
    timingSafeEqual.mockClear();
    expect(await verifyPassword('wrong-password', stored)).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
    const [a, b] = timingSafeEqual.mock.calls[0]! as [Buffer, Buffer];
    expect(a.length).toBe(32);
    expect(b.length).toBe(32);
  });

  it('refuse a stored value that is not one of ours without comparing anything', async () => {
    for (const stored of ['', 'plain-text-password', 'bcrypt$10$abc', 'scrypt$32768$8$1$$']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
    expect(timingSafeEqual).not.toHaveBeenCalled();
  });

  it('refuse stored parameters edited out of the app, instead of failing or running for minutes', async () => {
    const [, , , , salt, hash] = (await hashPassword('password-123')).split('$');
    for (const [n, r, p] of [['30000', '8', '1'], ['1073741824', '8', '1'], ['32768', '0', '1'], ['32768', '8', '99'], ['32768', 'x', '1']]) {
      expect(await verifyPassword('password-123', ['scrypt', n, r, p, salt, hash].join('$'))).toBe(false);
    }
  });

  it('treat full-width and half-width input alike (NFKC), as an IME may type either', async () => {
    const stored = await hashPassword('password-123');
    expect(await verifyPassword('ｐａｓｓｗｏｒｄ－１２３', stored)).toBe(true);
  });

  it('cost an unknown username a full verification too, so a wrong name is not faster than a wrong password', async () => {
    t = await makeTestHost();
    timingSafeEqual.mockClear();
    const result = await t.dispatch(makeCaller(), 'auth.signIn', { username: 'nobody', password: 'whatever-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'error.wrongCredentials' } });
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
    const wrongPassword = await t.dispatch(makeCaller(), 'auth.signIn', { username: 'admin', password: 'whatever-1' });
    // The same answer for a wrong name and a wrong password: the name is not confirmed.
    expect(wrongPassword).toEqual(result);
  });
});
