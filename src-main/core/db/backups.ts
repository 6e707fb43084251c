import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database';

export interface BackupPolicy {
  dir: string;
  /** How many backups to keep; the oldest go first. */
  keep: number;
  /** Minimum time between automatic backups. */
  everyMs: number;
}

export const defaultBackupPolicy = (dir: string): BackupPolicy => ({ dir, keep: 14, everyMs: 24 * 60 * 60 * 1000 });

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
/** What follows `<name>-` in a backup's file name: the UTC instant it was taken, by the app's clock. */
const STAMPED = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite$/;
const prefixOf = (dbFile: string) => `${path.basename(dbFile, path.extname(dbFile))}-`;

/** Backups of one database, named `<name>-YYYYMMDD-HHMMSS.sqlite` so they sort by time. */
export function listBackups(policy: BackupPolicy, dbFile: string): string[] {
  const prefix = prefixOf(dbFile);
  if (!fs.existsSync(policy.dir)) return [];
  return (
    fs
      .readdirSync(policy.dir)
      // The whole rest of the name must be the stamp: `baobei-2023-…` belongs to `baobei-2023.sqlite`,
      // whose backups rotation must never delete.
      .filter((f) => f.startsWith(prefix) && STAMPED.test(f.slice(prefix.length)))
      .sort()
      .map((f) => path.join(policy.dir, f))
  );
}

export async function backupNow(db: Database, policy: BackupPolicy): Promise<{ file: string; at: string }> {
  const now = db.clock.now();
  fs.mkdirSync(policy.dir, { recursive: true });
  const name = `${prefixOf(db.file)}${stamp(now)}.sqlite`;
  const target = path.join(policy.dir, name);
  // Write under a temporary name first so a crash never leaves a truncated "latest backup".
  const partial = `${target}.partial`;
  try {
    await db.backupTo(partial);
    fs.renameSync(partial, target);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  const all = listBackups(policy, db.file);
  for (const old of all.slice(0, Math.max(0, all.length - policy.keep))) fs.rmSync(old, { force: true });
  return { file: target, at: now.toISOString() };
}

/**
 * When the newest backup was taken, read from its name: that stamp came from the same clock that
 * `backupIfDue` compares with, where the file's mtime comes from the file system's (and changes when
 * the folder is copied).
 */
export function lastBackupAt(policy: BackupPolicy, dbFile: string): Date | null {
  const latest = listBackups(policy, dbFile).at(-1);
  if (!latest) return null;
  const [, y, mo, d, h, mi, s] = STAMPED.exec(path.basename(latest).slice(prefixOf(dbFile).length)) ?? [];
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`);
}

/** Backs up when the last one is older than the policy allows; called at open and hourly. */
export async function backupIfDue(db: Database, policy: BackupPolicy): Promise<boolean> {
  const last = lastBackupAt(policy, db.file);
  if (last && db.clock.now().getTime() - last.getTime() < policy.everyMs) return false;
  await backupNow(db, policy);
  return true;
}
