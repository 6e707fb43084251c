import type { SessionUser } from '../../../../src-shared/contract';
import { closeDateIssue } from '../../../../src-shared/domain/fields';
import type { Db } from '../../db/database';
import { recordAudit } from '../audit/record';
import { fieldIssue, openOpportunity } from './move';

/**
 * Moves the expected close date of an open opportunity, with the same rules as the form (not in the
 * past, at most 24 months ahead), and records the move: the funnel's slippage counts them.
 */
export async function changeCloseDate(
  q: Db,
  req: { me: SessionUser; id: number; version: number; expectedCloseDate: string; reason?: string | undefined; nowIso: string; today: string },
): Promise<void> {
  const before = await openOpportunity(q, req.me, req.id, req.version);
  const issue = closeDateIssue(req.expectedCloseDate, req.today);
  if (issue) throw fieldIssue(['expectedCloseDate'], issue);
  if (before.expected_close_date === req.expectedCloseDate) return;
  await q
    .insertInto('close_date_changes')
    .values({
      registration_id: before.id,
      from_date: before.expected_close_date,
      to_date: req.expectedCloseDate,
      changed_at: req.nowIso,
      changed_by: req.me.id,
      reason: req.reason ?? null,
    })
    .execute();
  await q
    .updateTable('registrations')
    .set((eb) => ({ expected_close_date: req.expectedCloseDate, updated_at: req.nowIso, version: eb('version', '+', 1) }))
    .where('id', '=', before.id)
    .execute();
  await recordAudit(q, {
    at: req.nowIso,
    userId: req.me.id,
    operation: 'registrations.changeCloseDate',
    entity: 'registration',
    entityId: before.id,
    before: { expectedCloseDate: before.expected_close_date },
    after: { expectedCloseDate: req.expectedCloseDate, reason: req.reason ?? null },
  });
}
