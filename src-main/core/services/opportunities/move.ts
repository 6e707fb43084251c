import type { SessionUser } from '../../../../src-shared/contract';
import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import { checkCanSee } from '../registrations/access';
import { type RegistrationRow, loadRegistration } from '../registrations/rows';

/**
 * The open opportunity a stage, win, loss or close-date change applies to. Its owner acts on it, and
 * so may reviewers and administrators; a salesperson never learns someone else's exists.
 */
export async function openOpportunity(q: Db, me: SessionUser, id: number, version: number): Promise<RegistrationRow> {
  const row = await loadRegistration(q, id);
  checkCanSee(me, row);
  if (row.version !== version) throw new AppError('STALE');
  if (row.status !== 'approved') throw new AppError('CONFLICT', 'error.notOpen');
  return row;
}

/** A field problem found after parsing (it needs today or the settings), reported like the contract's own. */
export function fieldIssue(path: (string | number)[], key: string, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', 'error.VALIDATION', params, [{ path, key }]);
}
