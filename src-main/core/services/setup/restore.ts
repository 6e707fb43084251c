import { latestSoundBackup, restoreLatestBackup } from '../../db/backups';
import { AppError } from '../../errors';
import type { HandlerContext } from '../../handler';

/**
 * Restoring the latest backup over a damaged database, from the start-up screen
 * (`setup.useDatabase` with mode `restoreBackup`). Nobody can sign in to a database that will not
 * open, so this is a host-level action like choosing the database, and it overwrites the office's
 * shared file with this PC's backup; it is allowed only where it is the one way forward:
 * - the desktop app, which chooses its database (the browser host and the CLI are given one);
 * - no database open;
 * - the very file that just failed to open, and failed as damaged (error.notADatabase) — an
 *   unreachable drive is no reason to overwrite anything.
 * The damaged file is kept as a copy beside it. See docs/RELIABILITY.md.
 */
function damagedDatabase(ctx: HandlerContext, path?: string) {
  const { host } = ctx;
  if (!host.options.canChooseDatabase) throw new AppError('FORBIDDEN', 'error.cannotChooseDatabase');
  const failure = host.lastOpenFailure;
  if (host.db || !failure || failure.key !== 'error.notADatabase' || (path !== undefined && path !== failure.file))
    throw new AppError('CONFLICT', 'error.restoreNotNeeded');
  const policy = host.options.backupPolicy(failure.file);
  if (!policy) throw new AppError('CONFLICT', 'error.backupsOff');
  return { file: failure.file, policy };
}

/** For setup.status: when the newest sound backup of the damaged database was taken, if it may be restored here. */
export function restorableBackupAt(ctx: HandlerContext): string | null {
  let damaged;
  try {
    damaged = damagedDatabase(ctx);
  } catch {
    return null;
  }
  return latestSoundBackup(damaged.policy, damaged.file, ctx.host.options.nativeBinding)?.at.toISOString() ?? null;
}

export async function restoreDamagedDatabase(ctx: HandlerContext, path: string) {
  const { file, policy } = damagedDatabase(ctx, path);
  const { host } = ctx;
  const restored = await restoreLatestBackup(file, policy, {
    clock: host.clock,
    ...(host.options.lease ? { lease: host.options.lease } : {}),
    ...(host.options.nativeBinding ? { nativeBinding: host.options.nativeBinding } : {}),
  });
  const db = await host.useDatabase(file, 'open');
  host.options.settings.update({ dbPath: db.file });
  return { dbPath: db.file, restored: { backupAt: restored.backupAt, damagedCopy: restored.damagedCopy } };
}
