import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAppError } from '../errors';
import { createDbFile, tempDbPath, usersById } from '../testing/temp-db';
import { Database } from './database';

let cleanup: (() => void) | undefined;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  cleanup?.();
  cleanup = undefined;
});

async function openFresh(options: { busyTimeoutMs?: number; lease?: { staleMs: number; waitMs: number } } = {}): Promise<Database> {
  const tmp = tempDbPath();
  cleanup = tmp.cleanup;
  await createDbFile(tmp.file);
  const db = await Database.open({ file: tmp.file, mode: 'open', ...options });
  closers.push(() => db.close());
  return db;
}

const insert = (db: Database, username: string) =>
  db.write(['users'], async (q) => {
    const row = await q
      .insertInto('users')
      .values({ username, display_name: username, role: 'sales', password_hash: 'test-only', active: 1, created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
const errorCode = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (isAppError(e) ? e.code : String(e)));

describe('Database', () => {
  it('uses a rollback journal, full sync and foreign keys on every connection', async () => {
    const db = await openFresh();
    const pragmas = await db.read(async (_q, tx) => ({
      journal: tx.raw.pragma('journal_mode', { simple: true }),
      synchronous: tx.raw.pragma('synchronous', { simple: true }),
      foreignKeys: tx.raw.pragma('foreign_keys', { simple: true }),
      busyTimeout: tx.raw.pragma('busy_timeout', { simple: true }),
    }));
    expect(pragmas).toEqual({ journal: 'delete', synchronous: 2, foreignKeys: 1, busyTimeout: 5_000 });
  });

  it('writes inside BEGIN IMMEDIATE: the write lock is taken before the body runs', async () => {
    const db = await openFresh();
    const other = new BetterSqlite3(db.file, { timeout: 0 });
    closers.push(() => other.close());
    const otherCanWrite = await db.write([], async () => {
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
        return true;
      } catch {
        return false;
      }
    });
    expect(otherCanWrite).toBe(false);
  });

  it('rolls a failed body back entirely and reports its error', async () => {
    const db = await openFresh();
    const failed = db.write(['users'], async (q) => {
      await q
        .insertInto('users')
        .values({ username: 'half', display_name: 'x', role: 'sales', password_hash: 'test-only', active: 1, created_at: 'x', updated_at: 'x' })
        .execute();
      throw new Error('second step failed');
    });
    await expect(failed).rejects.toThrow('second step failed');
    expect((await usersById(db)).size).toBe(0);
    expect(await db.areaVersions()).toEqual(new Map());
  });

  it('retries SQLITE_BUSY with backoff, then succeeds once the other connection lets go', async () => {
    const db = await openFresh({ busyTimeoutMs: 20 });
    // A connection that ignores the lease (say, a SQLite tool on the same PC) holds the write lock.
    const intruder = new BetterSqlite3(db.file);
    closers.push(() => intruder.close());
    intruder.exec('BEGIN IMMEDIATE');
    setTimeout(() => intruder.exec('COMMIT'), 100);
    const id = await insert(db, 'patient');
    expect((await usersById(db)).get(id)).toBe('patient');
  });

  it('answers BUSY when the write lock never comes free', async () => {
    const db = await openFresh({ busyTimeoutMs: 10 });
    const intruder = new BetterSqlite3(db.file);
    closers.push(() => intruder.close());
    intruder.exec('BEGIN IMMEDIATE');
    closers.push(() => intruder.exec('ROLLBACK'));
    expect(await errorCode(insert(db, 'never'))).toBe('BUSY');
  });

  it('bumps the version of each area a write names, once per transaction', async () => {
    const db = await openFresh();
    await db.write(['users', 'users', 'pool'], async () => undefined);
    await db.write(['users'], async () => undefined);
    expect(await db.areaVersions()).toEqual(new Map([['users', 2], ['pool', 1]]));
  });

  it('keeps a committed write reported as done even if a commit listener throws', async () => {
    const db = await openFresh();
    const heard: string[][] = [];
    db.onCommit(() => {
      throw new Error('the window that listened is gone');
    });
    db.onCommit((areas) => heard.push(areas));
    const id = await insert(db, 'committed');
    expect((await usersById(db)).get(id)).toBe('committed');
    expect(heard).toEqual([['users']]);
  });

  it('refuses transactions after close with DB_UNAVAILABLE', async () => {
    const db = await openFresh();
    const pending = insert(db, 'queued-before-close');
    await db.close();
    expect(await errorCode(pending)).toBe('ok');
    expect(await errorCode(db.read(async () => 1))).toBe('DB_UNAVAILABLE');
  });
});

describe('Database on a share that fails after the commit', () => {
  it('reports a committed write as done even if removing the lease file fails, and reclaims that lease at once', async () => {
    // A stale limit far beyond the wait: the leftover lease must be recognised as ours, not outwaited.
    const db = await openFresh({ lease: { staleMs: 60_000, waitMs: 1_000 } });
    const realUnlink = fs.unlinkSync;
    const spy = vi.spyOn(fs, 'unlinkSync').mockImplementation((p) => {
      if (String(p).endsWith('.lease')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      return realUnlink(p);
    });
    const id = await insert(db, 'durable');
    spy.mockRestore();
    expect(fs.existsSync(`${db.file}.lease`)).toBe(true);
    expect((await usersById(db)).get(id)).toBe('durable');
    expect(fs.existsSync(`${db.file}.lease`)).toBe(false);
  });
});
