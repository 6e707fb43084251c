import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock';
import { createDbFile, tempDbPath } from '../testing/temp-db';
import { type BackupPolicy, backupIfDue, backupNow, lastBackupAt, listBackups } from './backups';
import { Database } from './database';

const HOUR = 60 * 60 * 1000;

let cleanup: (() => void) | undefined;
let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
  cleanup?.();
  cleanup = undefined;
});

/** A clock the test moves by hand. It starts in the past on purpose: nothing may mix it with the PC's. */
function manualClock(iso = '2024-03-01T08:00:00.000Z'): Clock & { advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

async function setup(policyPatch: Partial<BackupPolicy> = {}) {
  const tmp = tempDbPath();
  cleanup = tmp.cleanup;
  await createDbFile(tmp.file);
  const clock = manualClock();
  db = await Database.open({ file: tmp.file, mode: 'open', clock });
  for (const name of ['li', 'han']) {
    await db.write(['users'], (q) =>
      q
        .insertInto('users')
        .values({ username: name, display_name: name, role: 'sales', password_hash: 'test-only', active: 1, created_at: 'x', updated_at: 'x' })
        .execute(),
    );
  }
  const policy: BackupPolicy = { dir: path.join(tmp.dir, 'backups'), keep: 3, everyMs: 24 * HOUR, ...policyPatch };
  return { db, clock, policy };
}

function readBackup(file: string) {
  const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: raw.pragma('integrity_check', { simple: true }),
      users: (raw.prepare('SELECT username FROM users ORDER BY id').all() as { username: string }[]).map((r) => r.username),
      migrations: (raw.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n,
    };
  } finally {
    raw.close();
  }
}

describe('backups', () => {
  it('backupNow writes a complete copy that opens with integrity ok and the same rows', async () => {
    const { db, policy } = await setup();
    const made = await backupNow(db, policy);
    expect(made).toEqual({ file: path.join(policy.dir, 'baobei-20240301-080000.sqlite'), at: '2024-03-01T08:00:00.000Z' });
    expect(readBackup(made.file)).toEqual({ integrity: 'ok', users: ['li', 'han'], migrations: expect.any(Number) });
    expect(readBackup(made.file).migrations).toBeGreaterThan(0);
    expect(fs.readdirSync(policy.dir)).toEqual(['baobei-20240301-080000.sqlite']);
    // The copy is a database in its own right: Baobei opens it as it is.
    const restored = await Database.open({ file: made.file, mode: 'open' });
    expect(await restored.integrityCheck()).toBe('ok');
    await restored.close();
  });

  it('keeps only the newest `keep` backups', async () => {
    const { db, clock, policy } = await setup({ keep: 3 });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await backupNow(db, policy)).file);
      clock.advance(HOUR);
    }
    expect(listBackups(policy, db.file)).toEqual(made.slice(2));
    expect(fs.readdirSync(policy.dir).sort()).toEqual(made.slice(2).map((f) => path.basename(f)));
  });

  it("leaves another database's backups in the same folder alone", async () => {
    const { db, policy } = await setup({ keep: 1 });
    fs.mkdirSync(policy.dir, { recursive: true });
    const neighbour = path.join(policy.dir, 'baobei-2023-20230101-000000.sqlite');
    fs.writeFileSync(neighbour, 'the backup of a database called baobei-2023.sqlite');
    await backupNow(db, policy);
    expect(fs.existsSync(neighbour)).toBe(true);
    expect(listBackups(policy, db.file)).toEqual([path.join(policy.dir, 'baobei-20240301-080000.sqlite')]);
  });

  it('backupIfDue backs up when none exists, then only once everyMs has passed on the clock', async () => {
    const { db, clock, policy } = await setup({ everyMs: 24 * HOUR });
    expect(lastBackupAt(policy, db.file)).toBeNull();
    expect(await backupIfDue(db, policy)).toBe(true);
    expect(lastBackupAt(policy, db.file)?.toISOString()).toBe('2024-03-01T08:00:00.000Z');

    clock.advance(24 * HOUR - 1_000);
    expect(await backupIfDue(db, policy)).toBe(false);
    expect(listBackups(policy, db.file)).toHaveLength(1);

    clock.advance(1_000);
    expect(await backupIfDue(db, policy)).toBe(true);
    expect(lastBackupAt(policy, db.file)?.toISOString()).toBe('2024-03-02T08:00:00.000Z');
    expect(listBackups(policy, db.file)).toHaveLength(2);
  });
});
