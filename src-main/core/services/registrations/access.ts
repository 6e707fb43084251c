import type { SessionUser } from '../../../../src-shared/contract';
import type { Status } from '../../../../src-shared/contract/registrations';
import { AppError } from '../../errors';
import type { RegistrationRow } from './rows';

export const isReviewer = (user: SessionUser): boolean => user.role === 'reviewer' || user.role === 'admin';

/** A salesperson sees only their own registrations; someone else's is "not found", never "forbidden". */
export function checkCanSee(user: SessionUser, row: RegistrationRow): void {
  if (row.owner_id !== user.id && !isReviewer(user)) throw new AppError('NOT_FOUND');
}

/** Only the owner edits, submits or withdraws, and only in the statuses that allow it. */
export function checkOwnerMay(user: SessionUser, row: RegistrationRow, allowed: readonly Status[], version?: number): void {
  checkCanSee(user, row);
  if (row.owner_id !== user.id) throw new AppError('FORBIDDEN', 'error.notYours');
  if (version !== undefined && row.version !== version) throw new AppError('STALE');
  if (!allowed.includes(row.status)) throw new AppError('CONFLICT', 'error.notEditable');
}
