import { sql } from 'kysely';
import type { DimensionCell, ForecastCell, FunnelCell, FunnelStatus } from '../../../../src-shared/domain/funnel';
import type { Stage } from '../../../../src-shared/contract/registrations';
import { monthOfDate } from '../../db/calendar-sql';
import type { Db } from '../../db/database';
import { type StaleCutoffs, staleFlag } from '../followups/stale';
import { type OpportunityScope, scopeCondition } from '../opportunities/scope';
import { inFunnel } from './expressions';

/** What the headline figures sum over each group (domain/funnel OutcomeCell). */
const outcomeMeasures = (cutoffs: StaleCutoffs) =>
  [
    sql<number>`COUNT(*)`.as('count'),
    sql<number>`TOTAL(COALESCE(r.final_amount_fen, r.budget_fen))`.as('amount_fen'),
    sql<number>`TOTAL(r.cycle_days)`.as('cycle_days'),
    sql<number>`COUNT(r.cycle_days)`.as('cycle_count'),
    sql<number>`TOTAL(${staleFlag(cutoffs)})`.as('stale'),
  ] as const;

const total = <A extends string>(column: string, alias: A) => sql<number>`TOTAL(${sql.ref(column)})`.as(alias);
const counted = <A extends string>(column: string, alias: A) => sql<number>`COUNT(${sql.ref(column)})`.as(alias);

/**
 * The main groups: by status, salesperson, stage, furthest stage and lost reason, the leading columns
 * of the covering index `registrations_funnel`, so SQLite aggregates while it scans. A caller may
 * select and group by one more key after these (the report's cohort months), keeping the groups'
 * order within each value of that key. `bySalesperson: false` leaves the salesperson out (ownerId 0
 * in every group): far fewer groups, for figures that are not broken down by salesperson.
 */
export function funnelCellsQuery(q: Db, scope: OpportunityScope, cutoffs: StaleCutoffs, { bySalesperson = true } = {}) {
  return q
    .selectFrom('registrations as r')
    .select([bySalesperson ? sql<number>`r.owner_id`.as('owner_id') : sql<number>`0`.as('owner_id')])
    .select(['r.status', 'r.stage', 'r.stage_reached', 'r.lost_reason', ...outcomeMeasures(cutoffs)])
    .select([
      total('r.budget_fen', 'budget_fen'),
      total('r.days_in_initial_contact', 'days0'),
      counted('r.days_in_initial_contact', 'stints0'),
      total('r.days_in_needs_confirmed', 'days1'),
      counted('r.days_in_needs_confirmed', 'stints1'),
      total('r.days_in_quotation', 'days2'),
      counted('r.days_in_quotation', 'stints2'),
      total('r.close_date_moves', 'moves'),
      total('r.close_date_slips', 'slips'),
      total('r.close_date_slip_days', 'slip_days'),
      sql<number>`TOTAL(r.close_date_slips > 0)`.as('slipped'),
    ])
    .where(inFunnel)
    .where(scopeCondition(scope))
    .groupBy(bySalesperson ? ['r.status', 'r.owner_id', 'r.stage', 'r.stage_reached', 'r.lost_reason'] : ['r.status', 'r.stage', 'r.stage_reached', 'r.lost_reason']);
}

type FunnelCellRow = Awaited<ReturnType<ReturnType<typeof funnelCellsQuery>['execute']>>[number];

export function toFunnelCell(r: FunnelCellRow): FunnelCell {
  return {
    status: r.status as FunnelStatus,
    ownerId: r.owner_id,
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
  };
}

export async function loadFunnelCells(q: Db, scope: OpportunityScope, cutoffs: StaleCutoffs): Promise<FunnelCell[]> {
  return (await funnelCellsQuery(q, scope, cutoffs).execute()).map(toFunnelCell);
}

/** The breakdown groups, in the column order of `registrations_funnel_dimensions` for the same reason. */
export async function loadDimensionCells(q: Db, scope: OpportunityScope, cutoffs: StaleCutoffs): Promise<DimensionCell[]> {
  const rows = await q
    .selectFrom('registrations as r')
    .select(['r.status', 'r.source_channel', 'r.product_line', 'r.region', 'r.stage', ...outcomeMeasures(cutoffs)])
    .where(inFunnel)
    .where(scopeCondition(scope))
    .groupBy(['r.status', 'r.source_channel', 'r.product_line', 'r.region', 'r.stage'])
    .execute();
  return rows.map((r) => ({
    status: r.status as FunnelStatus,
    channel: r.source_channel,
    productLine: r.product_line,
    region: r.region,
    stage: r.stage,
    count: r.count,
    amountFen: r.amount_fen,
    cycleDays: r.cycle_days,
    cycleCount: r.cycle_count,
    stale: r.stale,
  }));
}

/** Open opportunities by expected close month and stage. */
export async function loadForecastCells(q: Db, scope: OpportunityScope): Promise<ForecastCell[]> {
  const rows = await q
    .selectFrom('registrations as r')
    .select([monthOfDate(sql`r.expected_close_date`).as('month'), 'r.stage', sql<number>`COUNT(*)`.as('count'), total('r.budget_fen', 'budget_fen')])
    .where('r.status', '=', 'approved')
    .where(scopeCondition(scope))
    .groupBy([sql`1`, 'r.stage'])
    .execute();
  return rows.map((r) => ({ month: r.month, stage: r.stage as Stage, count: r.count, budgetFen: r.budget_fen }));
}
