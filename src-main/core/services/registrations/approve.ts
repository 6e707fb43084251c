import type { SessionUser } from '../../../../src-shared/contract';
import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { setDecisionStatus } from '../review/decision-status';
import { findConflicts } from '../conflicts/find';
import { readOfficeSettings } from '../office/settings';
import { activeProtectionCount, activeProtectionOf, addDays, protectCustomer } from '../protection/protect';
import { loadRegistration, probeOfRow } from './rows';

export interface ApproveRequest {
  id: number;
  reviewer: SessionUser;
  nowIso: string;
  reason?: string | null;
}

/**
 * Approves and protects, inside the caller's write transaction; the review decision (decide.ts) has
 * already checked who may approve what. Conflicts are checked again here, as
 * of this commit: another PC may have approved the same customer since the reviewer opened the page.
 * The database's one-active-protection index is the last word.
 */
export async function approveRegistration(q: Db, req: ApproveRequest): Promise<void> {
  const { reviewer, nowIso } = req;
  const before = await loadRegistration(q, req.id);
  if (before.customer_id === null) throw new AppError('INTERNAL');

  const report = await findConflicts(q, probeOfRow(before), { viewer: reviewer, nowIso, excludeRegistrationId: before.id, ownerId: before.owner_id });
  const protectedElsewhere = report.matches.find((m) => m.level === 'block' && m.state === 'protected');
  if (protectedElsewhere) throw new AppError('CONFLICT', 'error.customerProtected');
  // The first committed claim comes first: a later one is approved only after the earlier is decided.
  // A returned one is back with its owner and does not hold up the others.
  const earlier = report.matches.find((m) => m.level === 'block' && m.registrationId < before.id && m.other?.status === 'submitted');
  if (earlier) throw new AppError('CONFLICT', 'error.earlierClaim', { id: earlier.registrationId });

  const { settings } = await readOfficeSettings(q);
  if ((await activeProtectionCount(q, before.owner_id)) >= settings.maxActiveProtections)
    throw new AppError('CONFLICT', 'error.protectionCap', { max: settings.maxActiveProtections });
  // A further opportunity with a customer the owner already protects is covered by that protection.
  const held = await activeProtectionOf(q, before.customer_id);
  if (held?.owner_id !== before.owner_id) await protectCustomer(q, {
    customerId: before.customer_id,
    registrationId: before.id,
    ownerId: before.owner_id,
    kind: 'open',
    startsAt: nowIso,
    endsAt: addDays(nowIso, settings.protectionDays),
  });
  await setDecisionStatus(q, before.id, { status: 'approved', reviewerId: reviewer.id, reason: req.reason ?? null, nowIso });
  // The funnel starts at approval: the stage the registration was approved in is its first history entry.
  await q
    .insertInto('stage_history')
    .values({ registration_id: before.id, from_stage: null, to_stage: before.stage, changed_at: nowIso, changed_by: reviewer.id })
    .execute();
  await recordAudit(q, {
    at: nowIso,
    userId: reviewer.id,
    operation: 'registrations.approve',
    entity: 'registration',
    entityId: before.id,
    before,
    after: await loadRegistration(q, before.id),
  });
}
