import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { isBusy, toAppError } from './sqlite-errors';

const failure = (code: string) => Object.assign(new Error(code), { code });
const mapped = (code: string) => {
  const e = toAppError(failure(code));
  return e && { code: e.code, key: e.key };
};

describe('SQLite and file-system failures as typed errors', () => {
  it.each([
    ['SQLITE_BUSY', 'BUSY', 'error.BUSY'],
    ['SQLITE_BUSY_SNAPSHOT', 'BUSY', 'error.BUSY'],
    ['SQLITE_LOCKED', 'BUSY', 'error.BUSY'],
    ['SQLITE_FULL', 'DB_UNAVAILABLE', 'error.diskFull'],
    ['ENOSPC', 'DB_UNAVAILABLE', 'error.diskFull'],
    ['SQLITE_READONLY', 'DB_UNAVAILABLE', 'error.readOnlyFolder'],
    ['EACCES', 'DB_UNAVAILABLE', 'error.readOnlyFolder'],
    ['EROFS', 'DB_UNAVAILABLE', 'error.readOnlyFolder'],
    ['SQLITE_NOTADB', 'DB_UNAVAILABLE', 'error.notADatabase'],
    ['SQLITE_CORRUPT', 'DB_UNAVAILABLE', 'error.notADatabase'],
    ['SQLITE_CANTOPEN', 'DB_UNAVAILABLE', 'error.DB_UNAVAILABLE'],
    ['SQLITE_IOERR_FSYNC', 'DB_UNAVAILABLE', 'error.DB_UNAVAILABLE'],
    ['ENOENT', 'DB_UNAVAILABLE', 'error.DB_UNAVAILABLE'],
    ['ENOTCONN', 'DB_UNAVAILABLE', 'error.DB_UNAVAILABLE'],
  ])('%s → %s (%s)', (from, code, key) => {
    expect(mapped(from)).toEqual({ code, key });
  });

  it('maps a stale network file handle (ESTALE, known to Node 20 only by its errno) to DB_UNAVAILABLE', () => {
    const stale = Object.assign(new Error('Unknown system error -116'), { code: 'Unknown system error -116', errno: -116 });
    expect(toAppError(stale)).toMatchObject({ code: 'DB_UNAVAILABLE', key: 'error.DB_UNAVAILABLE' });
  });

  it('leaves programming errors unmapped, so they surface as INTERNAL and get logged', () => {
    expect(mapped('SQLITE_ERROR')).toBeNull();
    expect(mapped('SQLITE_CONSTRAINT_UNIQUE')).toBeNull();
    expect(toAppError(new TypeError('x is undefined'))).toBeNull();
  });

  it('passes typed errors through and retries only SQLite busy/locked', () => {
    const typed = new AppError('STALE');
    expect(toAppError(typed)).toBe(typed);
    expect(isBusy(failure('SQLITE_BUSY'))).toBe(true);
    expect(isBusy(failure('SQLITE_LOCKED_SHAREDCACHE'))).toBe(true);
    expect(isBusy(new AppError('BUSY'))).toBe(false);
    expect(isBusy(failure('SQLITE_IOERR'))).toBe(false);
  });
});
