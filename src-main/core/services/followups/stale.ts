import { type RawBuilder, sql } from 'kysely';
import type { StaleDays } from '../../../../src-shared/contract/funnel-settings';
import { addDays } from '../protection/protect';

/** Statuses whose next actions are reminded of: the opportunity is still being worked towards a close. */
export const remindedStatuses = ['submitted', 'returned', 'approved'] as const;

/** The instants before which the last activity makes an open opportunity stale, per stage. */
export type StaleCutoffs = Record<keyof StaleDays, string>;

export function staleCutoffs(staleDays: StaleDays, nowIso: string): StaleCutoffs {
  return {
    initial_contact: addDays(nowIso, -staleDays.initial_contact),
    needs_confirmed: addDays(nowIso, -staleDays.needs_confirmed),
    quotation: addDays(nowIso, -staleDays.quotation),
  };
}

/** When an opportunity was last worked on; entering the funnel counts when nothing since was recorded. */
export const lastActivity = sql<string>`COALESCE(r.last_activity_at, r.entered_at)`;

/**
 * 1 for an open (approved) opportunity without a follow-up or stage change since its stage's cutoff,
 * else 0. An imported one still open in 合同签订 goes by the quotation's days.
 */
export function staleFlag(c: StaleCutoffs): RawBuilder<number> {
  return sql<number>`(CASE WHEN r.status = 'approved' AND ${lastActivity} < CASE r.stage WHEN 'initial_contact' THEN ${c.initial_contact} WHEN 'needs_confirmed' THEN ${c.needs_confirmed} ELSE ${c.quotation} END THEN 1 ELSE 0 END)`;
}
