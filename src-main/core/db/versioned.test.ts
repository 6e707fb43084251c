import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestHost, type TestHost } from '../testing/test-host';

const hosts: TestHost[] = [];
afterEach(async () => {
  // The second PC shares the first one's folder; close it first, then the one that removes the folder.
  for (const h of hosts.splice(0).reverse()) await h.close();
});

async function host(options: Parameters<typeof makeTestHost>[0] = {}): Promise<TestHost> {
  const t = await makeTestHost(options);
  hosts.push(t);
  return t;
}

describe('optimistic concurrency on versioned rows', () => {
  it('two PCs load a user, the first save wins, the second gets STALE and changes nothing', async () => {
    const pc1 = await host();
    const created = await pc1.call(pc1.admin, 'users.create', { username: 'li', displayName: '李雷', role: 'sales', password: 'sales-pass-1' });
    // Another PC on the same file, its administrator signed in there.
    const pc2 = await host({ dir: pc1.dir, empty: true });
    const admin2 = await pc2.signIn(ADMIN.username, ADMIN.password);

    const seenBy1 = (await pc1.call(pc1.admin, 'users.list', {})).find((u) => u.id === created.id)!;
    const seenBy2 = (await pc2.call(admin2, 'users.list', {})).find((u) => u.id === created.id)!;
    expect(seenBy2.version).toBe(seenBy1.version);

    const saved = await pc1.call(pc1.admin, 'users.update', { id: created.id, version: seenBy1.version, displayName: '李雷雷' });
    expect(saved.version).toBe(seenBy1.version + 1);
    const late = await pc2.dispatch(admin2, 'users.update', { id: created.id, version: seenBy2.version, displayName: '李小雷', role: 'reviewer' });
    expect(late).toMatchObject({ ok: false, error: { code: 'STALE' } });

    const now = (await pc2.call(admin2, 'users.list', {})).find((u) => u.id === created.id)!;
    expect(now).toMatchObject({ displayName: '李雷雷', role: 'sales', version: seenBy1.version + 1 });
    // Reloading gives the current version, with which the second save goes through.
    const retried = await pc2.call(admin2, 'users.update', { id: created.id, version: now.version, role: 'reviewer' });
    expect(retried).toMatchObject({ displayName: '李雷雷', role: 'reviewer', version: now.version + 1 });
  });

  it('two windows of one PC behave the same way', async () => {
    const t = await host();
    const created = await t.call(t.admin, 'users.create', { username: 'han', displayName: '韩梅梅', role: 'sales', password: 'sales-pass-1' });
    const otherWindow = await t.signIn(ADMIN.username, ADMIN.password);
    await t.call(t.admin, 'users.update', { id: created.id, version: created.version, active: false });
    const late = await t.dispatch(otherWindow, 'users.update', { id: created.id, version: created.version, displayName: 'x' });
    expect(late).toMatchObject({ ok: false, error: { code: 'STALE' } });
    const row = (await t.call(t.admin, 'users.list', { includeInactive: true })).find((u) => u.id === created.id)!;
    expect(row).toMatchObject({ displayName: '韩梅梅', active: false, version: created.version + 1 });
  });

  it('answers NOT_FOUND for a row that does not exist', async () => {
    const t = await host();
    const missing = await t.dispatch(t.admin, 'users.update', { id: 999_999, version: 0, displayName: 'nobody' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
