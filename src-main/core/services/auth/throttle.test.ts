import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../testing/office';
import { makeCaller, makeTestHost, type TestHost } from '../../testing/test-host';
import { FREE_ATTEMPTS, secondsLocked, throttleAfterFailure } from './throttle';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('sign-in throttling', () => {
  it('after 5 wrong passwords refuses even the right one, saying for how long, and lets it in after that', async () => {
    const clock = new ManualClock(new Date('2026-03-02T09:00:00.000Z'));
    t = await makeTestHost({ clock });
    await t.call(t.admin, 'users.create', { username: 'li', displayName: '李雷', role: 'sales', password: 'li-password' });
    const signIn = (password: string) => t!.dispatch(makeCaller(), 'auth.signIn', { username: 'li', password });

    for (let i = 1; i < FREE_ATTEMPTS; i++) {
      expect(await signIn(`wrong-${i}`)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'error.wrongCredentials' } });
    }
    // The fifth failure locks the account for 30 s, and says so.
    expect(await signIn('wrong-5')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'error.throttled', details: { params: { seconds: 30 } } } });
    // The sixth attempt, with the right password, is refused without looking at the password.
    const sixth = await signIn('li-password');
    expect(sixth).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'error.throttled', details: { params: { seconds: 30 } } } });
    if (!sixth.ok) expect(sixth.error.message).toContain('30');
    clock.set('2026-03-02T09:00:29.000Z');
    expect(await signIn('li-password')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { params: { seconds: 1 } } } });
    // Wrong attempts while locked neither count nor extend the lock.
    expect(await signIn('wrong-again')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { params: { seconds: 1 } } } });

    clock.set('2026-03-02T09:00:30.000Z');
    const inAgain = await signIn('li-password');
    expect(inAgain).toMatchObject({ ok: true, data: { user: { username: 'li' } } });
    // A success starts the count afresh: four more wrong passwords are free again.
    for (let i = 1; i < FREE_ATTEMPTS; i++) expect(await signIn(`wrong-${i}`)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('doubles the lock for each further failure, up to 15 minutes, and keeps it in the database for every PC', async () => {
    const clock = new ManualClock(new Date('2026-03-02T09:00:00.000Z'));
    t = await makeTestHost({ clock });
    await t.call(t.admin, 'users.create', { username: 'li', displayName: '李雷', role: 'sales', password: 'li-password' });
    const signIn = (password: string) => t!.dispatch(makeCaller(), 'auth.signIn', { username: 'li', password });
    for (let i = 1; i < FREE_ATTEMPTS; i++) await signIn('wrong');
    expect(await signIn('wrong')).toMatchObject({ error: { details: { params: { seconds: 30 } } } });
    clock.set('2026-03-02T09:00:30.000Z');
    expect(await signIn('wrong')).toMatchObject({ error: { details: { params: { seconds: 60 } } } });
    const row = await t.host.requireDb().read((q) => q.selectFrom('users').select(['failed_attempts', 'locked_until']).where('username', '=', 'li').executeTakeFirstOrThrow());
    expect(row).toEqual({ failed_attempts: 6, locked_until: '2026-03-02T09:01:30.000Z' });
    // The administrator's reset clears the lock at once.
    const li = (await t.call(t.admin, 'users.list', { includeInactive: true })).find((u) => u.username === 'li')!;
    await t.call(t.admin, 'users.resetPassword', { id: li.id, password: 'new-li-password' });
    expect(await signIn('new-li-password')).toMatchObject({ ok: true });
  });

  it('counts wrong passwords sent at the same time one by one, so a burst cannot slip past the lock', async () => {
    const clock = new ManualClock(new Date('2026-03-02T09:00:00.000Z'));
    t = await makeTestHost({ clock });
    await t.call(t.admin, 'users.create', { username: 'li', displayName: '李雷', role: 'sales', password: 'li-password' });
    const signIn = (password: string) => t!.dispatch(makeCaller(), 'auth.signIn', { username: 'li', password });
    // Ten guesses at once: each reads the account before any has written its failure.
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(`guess-${i}`)));
    const codes = burst.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(FREE_ATTEMPTS - 1);
    expect(codes.filter((c) => c === 'FORBIDDEN')).toHaveLength(10 - (FREE_ATTEMPTS - 1));
    // Locked now: the right password waits like any other.
    expect(await signIn('li-password')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'error.throttled', details: { params: { seconds: 30 } } } });
    const row = await t.host.requireDb().read((q) => q.selectFrom('users').select(['failed_attempts', 'locked_until']).where('username', '=', 'li').executeTakeFirstOrThrow());
    expect(row).toEqual({ failed_attempts: FREE_ATTEMPTS, locked_until: '2026-03-02T09:00:30.000Z' });
  });

  it('has the schedule the documentation gives', () => {
    const now = new Date('2026-03-02T09:00:00.000Z');
    const lockSeconds = (failures: number) => secondsLocked(throttleAfterFailure(failures, now), now);
    expect([1, 2, 3, 4].map(lockSeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map(lockSeconds)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });
});
