import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { createDbFile, quickLease, tempDbPath, usersById } from '../testing/temp-db';
import { type DbWorker, spawnDbWorker } from '../testing/worker-process';
import { Database } from './database';
import { Lease } from './lease';

let cleanup: (() => void) | undefined;
const workers: DbWorker[] = [];
const open: Database[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  for (const db of open.splice(0)) await db.close();
  cleanup?.();
  cleanup = undefined;
});

async function freshDb(lockless = false): Promise<string> {
  const tmp = tempDbPath();
  cleanup = tmp.cleanup;
  await createDbFile(tmp.file, { locklessVfs: lockless });
  return tmp.file;
}

async function openDb(file: string, options: { lockless?: boolean; lease?: Partial<typeof quickLease> } = {}): Promise<Database> {
  const db = await Database.open({ file, mode: 'open', lease: { ...quickLease, ...options.lease }, locklessVfs: options.lockless ?? false });
  open.push(db);
  return db;
}

function worker(...args: Parameters<typeof spawnDbWorker>): DbWorker {
  const w = spawnDbWorker(...args);
  workers.push(w);
  return w;
}

const errorCode = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (isAppError(e) ? e.code : String(e)));
const insert = (db: Database, username: string) =>
  db.write(['users'], (q) =>
    q
      .insertInto('users')
      .values({ username, display_name: username, role: 'sales', password_hash: 'test-only', active: 1, created_at: 'x', updated_at: 'x' })
      .execute(),
  );

describe('the lease around every transaction', () => {
  it('is gone from the folder after each transaction, read or write', async () => {
    const file = await freshDb();
    const db = await openDb(file);
    expect(fs.existsSync(`${file}.lease`)).toBe(false);
    let heldDuringWrite = false;
    await db.write(['users'], async () => {
      heldDuringWrite = fs.existsSync(`${file}.lease`);
    });
    expect(heldDuringWrite).toBe(true);
    await db.read(async () => undefined);
    expect(fs.existsSync(`${file}.lease`)).toBe(false);
  });

  it('makes another PC wait and then answer BUSY while a live holder keeps beating; the holder still commits', async () => {
    const file = await freshDb();
    const db = await openDb(file, { lease: { staleMs: 2_000, waitMs: 3_000 } });
    const holder = worker({ task: 'hold', db: file, committed: 1, pending: 1, lease: quickLease });
    await holder.waitForLine((l) => l === 'holding');
    // Longer than staleMs: only the heartbeat keeps the waiter from taking over.
    expect(await errorCode(insert(db, 'impatient'))).toBe('BUSY');
    expect(await errorCode(db.read(async () => 1))).toBe('BUSY');
    holder.send('commit');
    await holder.waitForLine((l) => l === 'committed');
    expect(await holder.exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(`${file}.lease`)).toBe(false);
    await insert(db, 'patient');
    expect([...(await usersById(db)).values()].sort()).toEqual(['committed-0', 'patient', 'pending-0']);
  });

  for (const lockless of [true, false]) {
    it(`is taken over after its holder is killed with kill -9 mid-write, and the committed data survives (${lockless ? 'share without locks' : 'local locks'})`, async () => {
      const file = await freshDb(lockless);
      const survivor = await openDb(file, { lockless });
      // Enough pending data that SQLite has written into the database file before the kill: the
      // next opener must roll the hot journal back.
      const holder = worker({ task: 'hold', db: file, committed: 5, pending: 60, lease: quickLease, lockless });
      await holder.waitForLine((l) => l === 'holding');
      const committed = holder.acked();
      expect(committed).toHaveLength(5);
      expect(fs.existsSync(`${file}-journal`)).toBe(true);
      const sizeMidWrite = fs.statSync(file).size;
      holder.child.kill('SIGKILL');
      expect(await holder.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const deadLease = fs.readFileSync(`${file}.lease`, 'utf8');
      expect(JSON.parse(deadLease)).toMatchObject({ pid: holder.child.pid });

      // The waiter watches the dead lease stand still for staleMs on its own clock, then takes over.
      const started = performance.now();
      await insert(survivor, 'after-the-crash');
      expect(performance.now() - started).toBeGreaterThanOrEqual(quickLease.staleMs);
      expect(fs.existsSync(`${file}.lease`)).toBe(false);
      expect(fs.existsSync(`${file}-journal`)).toBe(false);
      // The uncommitted pages the holder had spilled into the file were rolled back from the journal.
      expect(fs.statSync(file).size).toBeLessThan(sizeMidWrite);

      const reopened = await openDb(file, { lockless });
      expect(await reopened.integrityCheck()).toBe('ok');
      const rows = await usersById(reopened);
      for (const [i, id] of committed.entries()) expect(rows.get(id)).toBe(`committed-${i}`);
      expect([...rows.values()].filter((u) => u.startsWith('pending-'))).toEqual([]);
      expect(rows.size).toBe(committed.length + 1);
    });
  }

  it('a database opened while a dead PC still holds the lease opens after staleMs', async () => {
    const file = await freshDb();
    const holder = worker({ task: 'hold', db: file, committed: 2, pending: 60, lease: quickLease });
    await holder.waitForLine((l) => l === 'holding');
    holder.child.kill('SIGKILL');
    await holder.exited;
    const started = performance.now();
    const db = await openDb(file);
    expect(performance.now() - started).toBeGreaterThanOrEqual(quickLease.staleMs);
    expect(await db.integrityCheck()).toBe('ok');
    expect([...(await usersById(db)).values()].sort()).toEqual(['committed-0', 'committed-1']);
  });

  for (const areas of [['users'], []] as const) {
    it(`never commits a write whose lease was taken over while it ran (areas: [${areas.join()}])`, async () => {
      const file = await freshDb();
      // This PC freezes mid-transaction: no heartbeat reaches the lease file.
      const frozen = await openDb(file, { lease: { heartbeatMs: 60_000 } });
      const otherPc = new Lease(`${file}.lease`, { staleMs: 300, waitMs: 5_000, heartbeatMs: 50 });
      const outcome = errorCode(
        frozen.write([...areas], async (q) => {
          await q
            .insertInto('users')
            .values({ username: 'lost', display_name: 'x', role: 'sales', password_hash: 'test-only', active: 1, created_at: 'x', updated_at: 'x' })
            .execute();
          await otherPc.acquire();
        }),
      );
      expect(await outcome).toBe('BUSY');
      // The loser left the winner's lease in place.
      expect(otherPc.stillOwned()).toBe(true);
      otherPc.release();
      expect((await usersById(frozen)).size).toBe(0);
    });
  }
});
