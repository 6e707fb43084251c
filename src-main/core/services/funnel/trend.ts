import { type RawBuilder, sql } from 'kysely';
import { type FunnelStatus, type TrendCell, funnelStatuses, monthsBetween } from '../../../../src-shared/domain/funnel';
import type { Db } from '../../db/database';
import { type OpportunityScope, enteredAt, scopeCondition } from '../opportunities/scope';
import { inFunnel } from './expressions';
import { monthOf, monthWindow } from './months';

/** Earliest or latest value of `column` among opportunities in `statuses`: one index probe per status. */
async function extreme(q: Db, scope: OpportunityScope, statuses: readonly FunnelStatus[], column: RawBuilder<string>, fn: 'MIN' | 'MAX'): Promise<string | null> {
  let found: string | null = null;
  for (const status of statuses) {
    const row = await q
      .selectFrom('registrations as r')
      .select(sql<string | null>`${sql.raw(fn)}(${column})`.as('at'))
      .where('r.status', '=', status)
      .where(scopeCondition(scope, { withPeriod: false, ownerIndex: false }))
      .executeTakeFirst();
    const at = row?.at ?? null;
    if (at !== null && (found === null || (fn === 'MIN' ? at < found : at > found))) found = at;
  }
  return found;
}

/** A longer trend is a wall of empty months, and each month costs two index ranges. */
export const MAX_TREND_MONTHS = 120;

/**
 * The months the trend shows: the period's, cut to where the data is (a period may say 0100–9999),
 * or those from the first opportunity entering the funnel to the last one entering or closing; at
 * most the last `MAX_TREND_MONTHS` of them.
 */
export async function trendMonths(q: Db, scope: OpportunityScope): Promise<{ from: string; to: string } | null> {
  const first = await extreme(q, scope, funnelStatuses, enteredAt, 'MIN');
  const lastEntered = await extreme(q, scope, funnelStatuses, enteredAt, 'MAX');
  const lastClosed = await extreme(q, scope, ['won', 'lost'], sql<string>`r.closed_at`, 'MAX');
  let from = first === null ? null : monthOf(first);
  let to = lastEntered === null ? null : monthOf(lastClosed !== null && lastClosed > lastEntered ? lastClosed : lastEntered);
  if (scope.entered) {
    const periodFrom = monthOf(scope.entered.fromIso);
    const periodTo = monthOf(new Date(Date.parse(scope.entered.beforeIso) - 1).toISOString());
    from = from === null || from < periodFrom ? periodFrom : from;
    to = to === null || to > periodTo ? periodTo : to;
  }
  if (from === null || to === null || from > to) return null;
  const months = monthsBetween(from, to);
  return months.length > MAX_TREND_MONTHS ? { from: months[months.length - MAX_TREND_MONTHS]!, to } : { from, to };
}

/**
 * Per month: how many entered the funnel, and how many were won and lost (by their close), each a
 * range over its own covering index (`registrations_funnel_entered`, `…_closed`, which hold the owner
 * too): no row is sorted and no date parsed, and the months are this PC's calendar months exactly.
 */
export async function loadTrendCells(q: Db, scope: OpportunityScope, months: { from: string; to: string }): Promise<TrendCell[]> {
  const cells: TrendCell[] = [];
  for (const month of monthsBetween(months.from, months.to)) {
    const { fromIso, beforeIso } = monthWindow(month, scope);
    const entered = await q
      .selectFrom('registrations as r')
      .select([sql<number>`COUNT(*)`.as('count'), sql<number>`TOTAL(r.budget_fen)`.as('budget_fen')])
      .where(inFunnel)
      .where(scopeCondition(scope, { withPeriod: false, ownerIndex: false }))
      .where(sql<boolean>`${enteredAt} >= ${fromIso} AND ${enteredAt} < ${beforeIso}`)
      .executeTakeFirstOrThrow();
    if (entered.count > 0) cells.push({ month, event: 'entered', count: entered.count, budgetFen: entered.budget_fen, amountFen: entered.budget_fen });
    const closed = await q
      .selectFrom('registrations as r')
      .select(['r.status', sql<number>`COUNT(*)`.as('count'), sql<number>`TOTAL(r.budget_fen)`.as('budget_fen'), sql<number>`TOTAL(COALESCE(r.final_amount_fen, r.budget_fen))`.as('amount_fen')])
      .where('r.status', 'in', ['won', 'lost'])
      .where(scopeCondition(scope, { withPeriod: false, ownerIndex: false }))
      .where('r.closed_at', '>=', fromIso)
      .where('r.closed_at', '<', beforeIso)
      .groupBy('r.status')
      .execute();
    for (const c of closed) cells.push({ month, event: c.status as 'won' | 'lost', count: c.count, budgetFen: c.budget_fen, amountFen: c.amount_fen });
  }
  return cells;
}
