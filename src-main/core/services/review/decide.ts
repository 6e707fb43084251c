import type { SessionUser } from '../../../../src-shared/contract';
import type { Decision } from '../../../../src-shared/contract/review';
import { criteria } from '../../../../src-shared/domain/review/checks';
import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { unindexRegistration } from '../conflicts/index-keys';
import { notify } from '../notifications/notify';
import { approveRegistration } from '../registrations/approve';
import { loadRegistration } from '../registrations/rows';
import { checkRegistration } from './checks';
import { setDecisionStatus } from './decision-status';

export interface ChecklistItem {
  criterion: (typeof criteria)[number];
  passed: boolean;
  comment?: string | undefined;
}

export interface DecideRequest {
  id: number;
  version?: number | undefined;
  reviewer: SessionUser;
  decision: Decision;
  reason?: string | undefined;
  /** The reviewer's verdicts; missing criteria take the automatic check's. */
  checklist: readonly ChecklistItem[];
  nowIso: string;
  today: string;
  adjudicatedAgainst?: number;
  /**
   * A one-step approval (registrations.approve, bulk approval, the CLI): the reviewer vouches for every
   * criterion; where the automatic check disagreed, the record says it was overridden this way.
   */
  vouchAll?: boolean;
}

const invalid = (path: (string | number)[], key: 'error.reasonRequired' | 'error.checklistIncomplete' | 'v.overrideComment') =>
  new AppError('VALIDATION', 'error.VALIDATION', undefined, [{ path, key }]);

/**
 * The reviewer's checklist against the automatic checks: every criterion gets a verdict; overriding
 * the automatic verdict needs a comment, so a later reader knows why. Approval needs all five passed.
 */
async function completeChecklist(q: Db, req: DecideRequest, today: string): Promise<ChecklistItem[]> {
  const row = await loadRegistration(q, req.id);
  const automatic = await checkRegistration(q, row, today);
  return criteria.map((criterion) => {
    const auto = automatic.find((c) => c.criterion === criterion);
    const index = req.checklist.findIndex((c) => c.criterion === criterion);
    const given = req.checklist[index];
    if (!given && req.vouchAll) return auto?.passed ? { criterion, passed: true } : { criterion, passed: true, comment: 'vouched' };
    if (!given) return { criterion, passed: auto?.passed ?? false };
    if (auto && given.passed !== auto.passed && !given.comment) throw invalid(['checklist', index, 'comment'], 'v.overrideComment');
    return given;
  });
}

/**
 * Approves, returns or rejects a submitted registration, with the checklist kept beside the decision
 * and the owner notified, all in the caller's write transaction.
 */
export async function decide(q: Db, req: DecideRequest): Promise<void> {
  const { reviewer, nowIso } = req;
  const before = await loadRegistration(q, req.id);
  if (before.owner_id === reviewer.id) throw new AppError('FORBIDDEN', 'error.ownRegistration');
  if (req.version !== undefined && before.version !== req.version) throw new AppError('STALE');
  if (before.status !== 'submitted') throw new AppError('CONFLICT', 'error.notSubmitted');
  if (req.decision !== 'approve' && !req.reason) throw invalid(['reason'], 'error.reasonRequired');
  const checklist = await completeChecklist(q, req, req.today);
  if (req.decision === 'approve' && checklist.some((c) => !c.passed)) throw invalid(['checklist'], 'error.checklistIncomplete');

  if (req.decision === 'approve') {
    await approveRegistration(q, { id: req.id, reviewer, nowIso, reason: req.reason ?? null });
  } else {
    await setDecisionStatus(q, req.id, { status: req.decision === 'return' ? 'returned' : 'rejected', reviewerId: reviewer.id, reason: req.reason ?? null, nowIso });
    // A rejected registration no longer claims its customer; a returned one does while its owner edits it.
    if (req.decision === 'reject') await unindexRegistration(q, req.id);
    await recordAudit(q, {
      at: nowIso,
      userId: reviewer.id,
      operation: `review.${req.decision}`,
      entity: 'registration',
      entityId: req.id,
      before,
      after: await loadRegistration(q, req.id),
    });
  }
  await q
    .insertInto('review_decisions')
    .values({
      registration_id: req.id,
      reviewer_id: reviewer.id,
      decision: req.decision,
      reason: req.reason ?? null,
      checklist: JSON.stringify(checklist),
      adjudicated_against: req.adjudicatedAgainst ?? null,
      created_at: nowIso,
    })
    .execute();
  const kind = { approve: 'registration.approved', return: 'registration.returned', reject: 'registration.rejected' }[req.decision];
  await notify(q, [before.owner_id], { kind, entity: 'registration', entityId: req.id, params: { customer: before.customer_name, reason: req.reason ?? '' } }, nowIso);
}
