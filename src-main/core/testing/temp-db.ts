import fs from 'node:fs';
import path from 'node:path';
import { Database, type OpenOptions } from '../db/database';
import { tempDir } from './test-host';

/** A folder of its own per test, with the path a database file would have in it. */
export function tempDbPath(prefix = 'baobei-db-'): { dir: string; file: string; cleanup(): void } {
  const dir = tempDir(prefix);
  return { dir, file: path.join(dir, 'baobei.sqlite'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Creates the database file with the real migrations and closes it again, as `baobei init` would. */
export async function createDbFile(file: string, options: Partial<OpenOptions> = {}): Promise<void> {
  const db = await Database.open({ ...options, file, mode: 'create' });
  await db.close();
}

/**
 * Short lease timings so takeover and BUSY happen within a test, still keeping the heartbeat far below
 * the stale limit (as the defaults do) so a loaded machine does not make a live holder look dead.
 */
export const quickLease = { staleMs: 1_000, waitMs: 5_000, heartbeatMs: 50 };

/**
 * `locklessVfs` needs `file:` URIs, which better-sqlite3 enables only if SQLITE_USE_URI=1 is set when
 * it first opens a file in this process. Set on import, so before any test opens anything; plain
 * paths mean the same with or without it.
 */
process.env.SQLITE_USE_URI = '1';

/** Every users row as id → username, for checking what the writers left behind. */
export function usersById(db: Database): Promise<Map<number, string>> {
  return db.read(async (q) => {
    const rows = await q.selectFrom('users').select(['id', 'username']).execute();
    return new Map(rows.map((r) => [r.id, r.username]));
  });
}
