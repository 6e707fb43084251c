import type { SessionUser } from '../../../../src-shared/contract';
import type { FollowUp, FollowUpKind } from '../../../../src-shared/contract/followups';
import { addMonths, maxCloseMonthsAhead } from '../../../../src-shared/domain/fields';
import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { fieldIssue } from '../opportunities/move';
import { DAY_MS } from '../protection/protect';
import { checkCanSee } from '../registrations/access';
import { loadRegistration } from '../registrations/rows';
import { listFollowUps } from './list';

/**
 * Statuses an opportunity is worked in: while it waits for review, while approved, and after a win
 * (delivery, renewals). A lost, expired, rejected one is over; a draft is not an opportunity yet.
 */
export const followUpStatuses = ['submitted', 'returned', 'approved', 'won'] as const;

/** Clocks of two PCs disagree by a few minutes; a follow-up "now" on one is not in the future on another. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface NewFollowUp {
  registrationId: number;
  kind: FollowUpKind;
  happenedAt?: string | undefined;
  content: string;
  outcome?: string | undefined;
  nextAction?: string | undefined;
  nextDueDate?: string | undefined;
}

/**
 * Logs a follow-up. The schema's trigger makes it the opportunity's latest activity (no longer stale)
 * and, unless it is logged late behind a newer one, its next action the open reminder.
 */
export async function addFollowUp(q: Db, me: SessionUser, input: NewFollowUp, now: { iso: string; today: string }): Promise<FollowUp> {
  const registration = await loadRegistration(q, input.registrationId);
  checkCanSee(me, registration);
  if (!(followUpStatuses as readonly string[]).includes(registration.status)) throw new AppError('CONFLICT', 'error.closedForFollowUp');
  const happenedAt = input.happenedAt ? new Date(input.happenedAt).toISOString() : now.iso;
  if (Date.parse(happenedAt) > Date.parse(now.iso) + CLOCK_SKEW_MS) throw fieldIssue(['happenedAt'], 'v.happenedAtFuture');
  // A day's leeway: the registration's instant is UTC, the follow-up's time was typed on a calendar.
  if (Date.parse(happenedAt) < Date.parse(registration.created_at) - DAY_MS) throw fieldIssue(['happenedAt'], 'v.happenedAtBeforeRegistration');
  if (input.nextDueDate && input.nextDueDate < now.today) throw fieldIssue(['nextDueDate'], 'v.nextDueDatePast');
  if (input.nextDueDate && input.nextDueDate > addMonths(now.today, maxCloseMonthsAhead)) throw fieldIssue(['nextDueDate'], 'v.nextDueDateTooFar');
  const row = await q
    .insertInto('follow_ups')
    .values({
      registration_id: registration.id,
      author_id: me.id,
      kind: input.kind,
      happened_at: happenedAt,
      content: input.content,
      outcome: input.outcome ?? null,
      next_action: input.nextAction ?? null,
      next_due_date: input.nextDueDate ?? null,
      created_at: now.iso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [followUp] = await listFollowUps(q, registration.id, row.id);
  if (!followUp) throw new AppError('INTERNAL');
  await recordAudit(q, { at: now.iso, userId: me.id, operation: 'followups.add', entity: 'registration', entityId: registration.id, after: followUp });
  return followUp;
}
