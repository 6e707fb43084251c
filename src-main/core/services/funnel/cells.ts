import { type Expression, type SqlBool, sql } from 'kysely';
import type { ForecastCell, FunnelCell, FunnelStatus, TrendCell } from '../../../../src-shared/domain/funnel';
import type { Stage } from '../../../../src-shared/contract/registrations';
import { daysBetween, monthAt, monthOfDate } from '../../db/calendar-sql';
import type { Db } from '../../db/database';
import { type StaleCutoffs, staleFlag } from '../followups/stale';
import { type OpportunityScope, enteredAt, enteredWithin, scopeCondition } from '../opportunities/scope';
import { inFunnel } from './expressions';

/**
 * The funnel as cells (domain/funnel/cells.ts): one GROUP BY over the covering index
 * `registrations_funnel`, grouped in the index's column order so SQLite aggregates while it scans,
 * without sorting 100,000 rows. Every measure the report needs is a sum here.
 */
export async function loadFunnelCells(q: Db, scope: OpportunityScope, cutoffs: StaleCutoffs): Promise<FunnelCell[]> {
  const rows = await q
    .selectFrom('registrations as r')
    .select([
      'r.status',
      'r.owner_id',
      'r.source_channel',
      'r.product_line',
      'r.region',
      'r.stage',
      'r.stage_reached',
      'r.lost_reason',
      sql<number>`COUNT(*)`.as('count'),
      sql<number>`TOTAL(r.budget_fen)`.as('budget_fen'),
      sql<number>`TOTAL(COALESCE(r.final_amount_fen, r.budget_fen))`.as('amount_fen'),
      sql<number>`TOTAL(${daysBetween(enteredAt, sql`r.closed_at`)})`.as('cycle_days'),
      sql<number>`COUNT(r.closed_at)`.as('cycle_count'),
      sql<number>`TOTAL(${staleFlag(cutoffs)})`.as('stale'),
      sql<number>`TOTAL(r.days_in_initial_contact)`.as('days0'),
      sql<number>`COUNT(r.days_in_initial_contact)`.as('stints0'),
      sql<number>`TOTAL(r.days_in_needs_confirmed)`.as('days1'),
      sql<number>`COUNT(r.days_in_needs_confirmed)`.as('stints1'),
      sql<number>`TOTAL(r.days_in_quotation)`.as('days2'),
      sql<number>`COUNT(r.days_in_quotation)`.as('stints2'),
      sql<number>`TOTAL(r.close_date_moves)`.as('moves'),
      sql<number>`TOTAL(r.close_date_slips)`.as('slips'),
      sql<number>`TOTAL(r.close_date_slip_days)`.as('slip_days'),
      sql<number>`TOTAL(r.close_date_slips > 0)`.as('slipped'),
    ])
    .where(inFunnel)
    .where(scopeCondition(scope))
    .groupBy(['r.status', 'r.owner_id', 'r.source_channel', 'r.product_line', 'r.region', 'r.stage', 'r.stage_reached', 'r.lost_reason'])
    .execute();
  return rows.map((r) => ({
    status: r.status as FunnelStatus,
    ownerId: r.owner_id,
    channel: r.source_channel,
    productLine: r.product_line,
    region: r.region,
    stage: r.stage,
    stageReached: r.stage_reached,
    lostReason: r.lost_reason,
    count: r.count,
    budgetFen: r.budget_fen,
    amountFen: r.amount_fen,
    cycleDays: r.cycle_days,
    cycleCount: r.cycle_count,
    stale: r.stale,
    stageDays: [r.days0, r.days1, r.days2],
    stageStints: [r.stints0, r.stints1, r.stints2],
    closeDateMoves: r.moves,
    closeDateSlips: r.slips,
    closeDateSlipDays: r.slip_days,
    slippedOpportunities: r.slipped,
  }));
}

/** Whether an opportunity closed (won or lost) within the scope's period; always, without one. */
export function closedWithin(scope: OpportunityScope): Expression<SqlBool> {
  const closed = sql<SqlBool>`r.status IN ('won', 'lost')`;
  if (!scope.entered) return closed;
  return sql<SqlBool>`(${closed} AND r.closed_at >= ${scope.entered.fromIso} AND r.closed_at < ${scope.entered.beforeIso})`;
}

/** The trend counts events by their own month: entering in the period, and closing in it. */
export function enteredInPeriod(scope: OpportunityScope): Expression<SqlBool> {
  return scope.entered ? enteredWithin(scope.entered) : sql<SqlBool>`1`;
}

export async function loadTrendCells(q: Db, scope: OpportunityScope, offsetMinutes: number): Promise<TrendCell[]> {
  const entered = enteredInPeriod(scope);
  const closed = closedWithin(scope);
  const rows = await q
    .selectFrom('registrations as r')
    .select([
      sql<string | null>`CASE WHEN ${entered} THEN ${monthAt(enteredAt, offsetMinutes)} END`.as('entered_month'),
      sql<string | null>`CASE WHEN ${closed} THEN ${monthAt(sql`r.closed_at`, offsetMinutes)} END`.as('closed_month'),
      'r.status',
      sql<number>`COUNT(*)`.as('count'),
      sql<number>`TOTAL(r.budget_fen)`.as('budget_fen'),
      sql<number>`TOTAL(COALESCE(r.final_amount_fen, r.budget_fen))`.as('amount_fen'),
    ])
    .where(inFunnel)
    .where(scopeCondition(scope, false))
    .where(sql<SqlBool>`(${entered} OR ${closed})`)
    .groupBy([sql`1`, sql`2`, 'r.status'])
    .execute();
  return rows.map((r) => ({
    enteredMonth: r.entered_month,
    closedMonth: r.closed_month,
    status: r.status as FunnelStatus,
    count: r.count,
    budgetFen: r.budget_fen,
    amountFen: r.amount_fen,
  }));
}

export async function loadForecastCells(q: Db, scope: OpportunityScope): Promise<ForecastCell[]> {
  const rows = await q
    .selectFrom('registrations as r')
    .select([
      monthOfDate(sql`r.expected_close_date`).as('month'),
      'r.stage',
      sql<number>`COUNT(*)`.as('count'),
      sql<number>`TOTAL(r.budget_fen)`.as('budget_fen'),
    ])
    .where('r.status', '=', 'approved')
    .where(scopeCondition(scope))
    .groupBy([sql`1`, 'r.stage'])
    .execute();
  return rows.map((r) => ({ month: r.month, stage: r.stage as Stage, count: r.count, budgetFen: r.budget_fen }));
}
