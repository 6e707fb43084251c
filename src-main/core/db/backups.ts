import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Database } from './database';
import { Lease, type LeaseOptions, defaultLeaseOptions } from './lease';
import { currentSchemaVersion } from './migrations';
import { toAppError } from './sqlite-errors';

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

/** A backup (or database) file that opens, passes quick_check and has a schema. Never throws. */
function isSound(file: string, nativeBinding: string | undefined, readonly: boolean): boolean {
  let raw: BetterSqlite3.Database | null = null;
  try {
    raw = new BetterSqlite3(file, { readonly, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return raw.pragma('quick_check', { simple: true }) === 'ok' && currentSchemaVersion(raw) > 0;
  } catch {
    return false;
  } finally {
    raw?.close();
  }
}

/** The newest backup of a database that is sound, with when it was taken; null when there is none. */
export function latestSoundBackup(policy: BackupPolicy, dbFile: string, nativeBinding?: string): { file: string; at: Date } | null {
  for (const file of listBackups(policy, dbFile).reverse()) {
    if (!isSound(file, nativeBinding, true)) continue;
    const [, y, mo, d, h, mi, s] = STAMPED.exec(path.basename(file).slice(prefixOf(dbFile).length)) ?? [];
    return { file, at: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`) };
  }
  return null;
}

export interface Restored {
  /** The backup that was put back, and when it was taken. */
  backup: string;
  backupAt: string;
  /** Where the damaged file was copied before being overwritten, for a specialist or a later salvage. */
  damagedCopy: string;
}

/**
 * Puts the newest sound backup back in place of a damaged database, under the lease so that no PC is
 * inside a transaction meanwhile:
 * - the damaged file is first copied beside it (`<name>.damaged-<stamp>.sqlite`), with its journal if
 *   one was left, so nothing is destroyed;
 * - the backup is written over the database file in place (same file, not a rename), so PCs that have
 *   it open read the restored content on their next transaction instead of holding on to the damaged
 *   file; its change counter is set above both files' counters so no PC trusts a page it cached;
 * - a file that is sound again (another PC restored it meanwhile) is left alone.
 * Everything written after the backup was taken is lost; the caller says so before asking.
 */
export async function restoreLatestBackup(
  dbFile: string,
  policy: BackupPolicy,
  options: { clock: Clock; lease?: Partial<LeaseOptions>; nativeBinding?: string },
): Promise<Restored> {
  const backup = latestSoundBackup(policy, dbFile, options.nativeBinding);
  if (!backup) throw new AppError('NOT_FOUND', 'error.noBackup');
  const lease = new Lease(`${dbFile}.lease`, { ...defaultLeaseOptions, ...options.lease });
  try {
    await lease.acquire();
  } catch (e) {
    throw toAppError(e) ?? e;
  }
  try {
    if (isSound(dbFile, options.nativeBinding, false)) throw new AppError('CONFLICT', 'error.restoreNotNeeded');
    const damagedCopy = path.join(path.dirname(dbFile), `${path.basename(dbFile, path.extname(dbFile))}.damaged-${stamp(options.clock.now())}.sqlite`);
    if (fs.existsSync(dbFile)) fs.copyFileSync(dbFile, damagedCopy);
    // A journal left beside the damaged file belongs to it: played back over the restored content, it
    // would damage that too.
    if (fs.existsSync(`${dbFile}-journal`)) fs.renameSync(`${dbFile}-journal`, `${damagedCopy}-journal`);
    const bytes = fs.readFileSync(backup.file);
    const counter = (Math.max(changeCounter(bytes), changeCounter(headerOf(dbFile))) + 1) >>> 0;
    bytes.writeUInt32BE(counter, 24);
    // "Version-valid-for": the header's page count is trusted only while it equals the change counter.
    bytes.writeUInt32BE(counter, 92);
    if (!lease.stillOwned()) throw new AppError('BUSY');
    const fd = fs.openSync(dbFile, fs.existsSync(dbFile) ? 'r+' : 'w');
    try {
      fs.writeSync(fd, bytes, 0, bytes.length, 0);
      fs.ftruncateSync(fd, bytes.length);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return { backup: backup.file, backupAt: backup.at.toISOString(), damagedCopy };
  } catch (e) {
    throw toAppError(e) ?? e;
  } finally {
    lease.release();
  }
}

function headerOf(file: string): Buffer {
  const header = Buffer.alloc(100);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // No readable header: counts as 0.
  }
  return header;
}

const changeCounter = (header: Buffer): number => (header.length >= 28 ? header.readUInt32BE(24) : 0);
