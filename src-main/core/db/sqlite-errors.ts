import os from 'node:os';
import { AppError } from '../errors';

/** SQLite and file-system failures translated into the typed errors the UI explains. */
export function toAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('BUSY');
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return new AppError('DB_UNAVAILABLE', 'error.diskFull');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES')
    return new AppError('DB_UNAVAILABLE', 'error.readOnlyFolder');
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new AppError('DB_UNAVAILABLE', 'error.notADatabase');
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'ENOENT' || code === 'EIO' || code === 'ENOTCONN')
    return new AppError('DB_UNAVAILABLE');
  // A network mount's stale file handle (NFS, SFTP); Node 20 knows ESTALE only by its errno.
  const errno = (e as { errno?: unknown }).errno;
  if (code === 'ESTALE' || (os.constants.errno.ESTALE !== undefined && errno === -os.constants.errno.ESTALE)) return new AppError('DB_UNAVAILABLE');
  return null;
}

export const isBusy = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
};
