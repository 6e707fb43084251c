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

/** Backups of one database, named `<name>-YYYYMMDD-HHMMSS.sqlite` so they sort by time. */
export function listBackups(policy: BackupPolicy, dbFile: string): string[] {
  const prefix = `${path.basename(dbFile, path.extname(dbFile))}-`;
  if (!fs.existsSync(policy.dir)) return [];
  return fs
    .readdirSync(policy.dir)
    .filter((f) => f.startsWith(prefix) && /-\d{8}-\d{6}\.sqlite$/.test(f))
    .sort()
    .map((f) => path.join(policy.dir, f));
}

export async function backupNow(db: Database, policy: BackupPolicy): Promise<{ file: string; at: string }> {
  const now = db.clock.now();
  fs.mkdirSync(policy.dir, { recursive: true });
  const name = `${path.basename(db.file, path.extname(db.file))}-${stamp(now)}.sqlite`;
  const target = path.join(policy.dir, name);
  // Write under a temporary name first so a crash never leaves a truncated "latest backup".
  const partial = `${target}.partial`;
  await db.backupTo(partial);
  fs.renameSync(partial, target);
  const all = listBackups(policy, db.file);
  for (const old of all.slice(0, Math.max(0, all.length - policy.keep))) fs.rmSync(old, { force: true });
  return { file: target, at: now.toISOString() };
}

export function lastBackupAt(policy: BackupPolicy, dbFile: string): Date | null {
  const latest = listBackups(policy, dbFile).at(-1);
  return latest ? fs.statSync(latest).mtime : null;
}

/** Backs up when the last one is older than the policy allows; called at open and hourly. */
export async function backupIfDue(db: Database, policy: BackupPolicy): Promise<boolean> {
  const last = lastBackupAt(policy, db.file);
  if (last && db.clock.now().getTime() - last.getTime() < policy.everyMs) return false;
  await backupNow(db, policy);
  return true;
}
