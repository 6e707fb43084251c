import { afterEach, describe, expect, it } from 'vitest';
import type { Area, EventMap } from '../../../src-shared/contract';
import { makeTestHost, type TestHost } from '../testing/test-host';
import { createDbFile, tempDbPath } from '../testing/temp-db';
import { ChangeFeed } from './change-feed';
import { Database } from './database';
import { recordAudit } from '../services/audit/record';
import { Lease } from './lease';

type Event = { [K in keyof EventMap]: [K, EventMap[K]] }[keyof EventMap];

let cleanup: (() => void) | undefined;
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  cleanup?.();
  cleanup = undefined;
});

/** Two "PCs" with a database connection each on one file; the feed is the second PC's. */
async function twoPcs({ lockless = false } = {}) {
  const lease = { staleMs: 2_000, waitMs: 300, heartbeatMs: 50 };
  const tmp = tempDbPath();
  cleanup = tmp.cleanup;
  await createDbFile(tmp.file, { locklessVfs: lockless });
  const pc1 = await Database.open({ file: tmp.file, mode: 'open', lease, locklessVfs: lockless });
  const pc2 = await Database.open({ file: tmp.file, mode: 'open', lease, locklessVfs: lockless });
  closers.push(() => pc1.close(), () => pc2.close());
  const events: Event[] = [];
  const feed = new ChangeFeed(pc2, (name, payload) => events.push([name, payload] as Event), 60_000);
  closers.push(() => feed.stop());
  return { file: tmp.file, pc1, pc2, feed, events };
}

const touch = (db: Database, areas: Area[]) => db.write(areas, async () => undefined);
const changed = (events: Event[]) => events.filter(([name]) => name === 'db.changed').map(([, p]) => [...(p as EventMap['db.changed']).areas].sort());
const health = (events: Event[]) => events.filter(([name]) => name === 'db.health').map(([, p]) => p);

describe('change feed', () => {
  it.each([
    ['with SQLite locks', false],
    ['on a share without byte-range locks', true],
  ])("reports another PC's commits on its next poll, with the areas they touched (%s)", async (_label, lockless) => {
    const { pc1, feed, events } = await twoPcs({ lockless });
    await feed.poll();
    expect(events).toEqual([]);

    await pc1.write(['users'], (q) =>
      q
        .insertInto('users')
        .values({ username: 'li', display_name: 'li', role: 'sales', password_hash: 'test-only', active: 1, created_at: 'x', updated_at: 'x' })
        .execute(),
    );
    await feed.poll();
    expect(changed(events)).toEqual([['users']]);

    await feed.poll();
    expect(changed(events)).toHaveLength(1);

    await touch(pc1, ['registrations', 'reviews']);
    await touch(pc1, ['reviews']);
    await feed.poll();
    expect(changed(events)).toEqual([['users'], ['registrations', 'reviews']]);
  });

  it('reports local commits at once, and not a second time when polling', async () => {
    const { pc2, feed, events } = await twoPcs();
    feed.start();
    await feed.poll();
    await touch(pc2, ['followups']);
    expect(changed(events)).toEqual([['followups']]);
    await feed.poll();
    expect(changed(events)).toEqual([['followups']]);
  });

  it('reports the audit area whenever a commit adds to the audit log, named or not, here and on another PC', async () => {
    const { pc1, pc2, feed, events } = await twoPcs();
    feed.start();
    await feed.poll();
    const audited = (db: Database) =>
      db.write(['registrations'], (q) => recordAudit(q, { at: '2026-11-27T08:00:00.000Z', userId: null, operation: 'registrations.submit', entity: 'registration', entityId: 1 }));
    await audited(pc1);
    await feed.poll();
    await audited(pc2);
    await touch(pc2, ['registrations']);
    expect(changed(events)).toEqual([['audit', 'registrations'], ['audit', 'registrations'], ['registrations']]);
  });

  it('does not report a read on another PC as a change', async () => {
    const { pc1, feed, events } = await twoPcs();
    await feed.poll();
    await pc1.read((q) => q.selectFrom('users').selectAll().execute());
    await feed.poll();
    expect(changed(events)).toEqual([]);
  });

  it('turns health to busy while a live PC holds the lease past waitMs, and back to ok', async () => {
    const { file, feed, events } = await twoPcs();
    await feed.poll();
    const otherPc = new Lease(`${file}.lease`, { staleMs: 2_000, waitMs: 1_000, heartbeatMs: 50 });
    await otherPc.acquire();
    closers.push(() => otherPc.release());
    await feed.poll();
    expect(health(events)).toEqual([{ state: 'busy', key: 'error.BUSY' }]);
    await feed.poll();
    expect(health(events)).toHaveLength(1);
    otherPc.release();
    await feed.poll();
    expect(health(events)).toEqual([{ state: 'busy', key: 'error.BUSY' }, { state: 'ok' }]);
  });

  it('turns health to unavailable when the database cannot be reached', async () => {
    const { pc2, feed, events } = await twoPcs();
    await feed.poll();
    await pc2.close();
    await feed.poll();
    expect(health(events)).toEqual([{ state: 'unavailable', key: 'error.DB_UNAVAILABLE' }]);
  });
});

describe('change feed in the app host', () => {
  let t: TestHost | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('sends db.changed to subscribers when an operation commits', async () => {
    t = await makeTestHost();
    const seen: [string, unknown][] = [];
    t.host.subscribe((name, payload) => seen.push([name, payload]));
    await t.call(t.admin, 'users.create', { username: 'wang', displayName: '王', role: 'reviewer', password: 'reviewer-1' });
    expect(seen).toEqual([['db.changed', { areas: expect.arrayContaining(['users', 'audit']) }]]);
    await t.call(t.admin, 'office.updateSettings', { settings: { protectionDays: 60 }, version: 0 });
    // Named 'settings' only; its audit entry moves the audit area as well.
    expect(seen.at(-1)).toEqual(['db.changed', { areas: expect.arrayContaining(['settings', 'audit']) }]);
    await t.call(t.admin, 'users.list', {});
    expect(seen).toHaveLength(2);
  });
});
