import type { SessionUser } from '../../../../src-shared/contract';
import { compareCustomers } from '../../../../src-shared/domain';
import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { keysOf } from '../conflicts/customer-input';
import { unindexRegistration } from '../conflicts/index-keys';
import { notify } from '../notifications/notify';
import { handOverOrEndProtection } from '../protection/protect';
import { loadRegistration, probeOfRow } from '../registrations/rows';
import { decide } from './decide';
import { setDecisionStatus } from './decision-status';

export interface AdjudicateRequest {
  keepId: number;
  otherId: number;
  otherDecision: 'return' | 'reject';
  reason: string;
  reviewer: SessionUser;
  nowIso: string;
  today: string;
}

/**
 * Decides a conflict: one registration keeps (or gets) the protection, the other is returned or
 * rejected with the reason sent to its owner. An approved loser loses its protection first, so the
 * winner's approval finds the customer free.
 */
export async function adjudicate(q: Db, req: AdjudicateRequest): Promise<void> {
  const keep = await loadRegistration(q, req.keepId);
  const other = await loadRegistration(q, req.otherId);
  const compared = compareCustomers(keysOf(probeOfRow(keep)), keysOf(probeOfRow(other)));
  if (compared.level === null) throw new AppError('CONFLICT', 'error.notConflicting');
  if (keep.owner_id === req.reviewer.id || other.owner_id === req.reviewer.id) throw new AppError('FORBIDDEN', 'error.ownRegistration');

  if (other.status === 'approved') {
    await handOverOrEndProtection(q, other.id, req.nowIso);
    await setDecisionStatus(q, other.id, { status: req.otherDecision === 'return' ? 'returned' : 'rejected', reviewerId: req.reviewer.id, reason: req.reason, nowIso: req.nowIso });
    if (req.otherDecision === 'reject') await unindexRegistration(q, other.id);
    await q
      .insertInto('review_decisions')
      .values({ registration_id: other.id, reviewer_id: req.reviewer.id, decision: req.otherDecision, reason: req.reason, adjudicated_against: keep.id, created_at: req.nowIso })
      .execute();
    await recordAudit(q, { at: req.nowIso, userId: req.reviewer.id, operation: 'review.adjudicate', entity: 'registration', entityId: other.id, before: other, after: await loadRegistration(q, other.id) });
    await notify(q, [other.owner_id], { kind: `registration.${req.otherDecision === 'return' ? 'returned' : 'rejected'}`, entity: 'registration', entityId: other.id, params: { customer: other.customer_name, reason: req.reason } }, req.nowIso);
  } else if (other.status === 'submitted') {
    await decide(q, { id: other.id, reviewer: req.reviewer, decision: req.otherDecision, reason: req.reason, checklist: [], nowIso: req.nowIso, today: req.today, adjudicatedAgainst: keep.id });
  } else {
    throw new AppError('CONFLICT', 'error.notEditable');
  }

  if (keep.status === 'submitted') {
    await decide(q, { id: keep.id, reviewer: req.reviewer, decision: 'approve', reason: req.reason, checklist: [], vouchAll: true, nowIso: req.nowIso, today: req.today, adjudicatedAgainst: other.id });
  } else if (keep.status !== 'approved') {
    throw new AppError('CONFLICT', 'error.notEditable');
  }
}
