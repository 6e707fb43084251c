import { type Stage, stages } from '../../contract/registrations';

/** Statuses of opportunities in the funnel: approved (open), then won, lost, or expired unclosed. */
export const funnelStatuses = ['approved', 'won', 'lost', 'expired'] as const;
export type FunnelStatus = (typeof funnelStatuses)[number];

/** The stages an open opportunity spends time in; 合同签订 is the win itself. */
export const openStages = ['initial_contact', 'needs_confirmed', 'quotation'] as const satisfies readonly Stage[];

/**
 * What the headline figures need of a group of opportunities that share a status and a stage. One
 * opportunity is a group of one, so the same functions work on single rows (tests) and on the
 * database's GROUP BY (services/funnel). Amounts are in fen.
 */
export interface OutcomeCell {
  status: FunnelStatus;
  /** Where the opportunities stand now (or stood when they closed). */
  stage: Stage;
  count: number;
  /** The final amount of a win (its budget when none was recorded), the budget otherwise. */
  amountFen: number;
  /** Days from entering the funnel to closing, summed over `cycleCount` opportunities that closed. */
  cycleDays: number;
  cycleCount: number;
  /** Open opportunities with no follow-up or stage change for their stage's stale days. */
  stale: number;
}

/** The funnel's main groups: by salesperson and by how far they got, with everything stages need. */
export interface FunnelCell extends OutcomeCell {
  ownerId: number;
  /** The furthest stage their history recorded, as an index into `stages`; null without history. */
  stageReached: number | null;
  lostReason: string | null;
  /** The budgets: what the opportunities were expected to bring. */
  budgetFen: number;
  /** Per open stage: days spent there over the stints that ended, and how many opportunities had one. */
  stageDays: readonly [number, number, number];
  stageStints: readonly [number, number, number];
  /** Expected close date changes from a known date, those that pushed it later, and the days pushed. */
  closeDateMoves: number;
  closeDateSlips: number;
  closeDateSlipDays: number;
  /** Opportunities whose close date was pushed later at least once. */
  slippedOpportunities: number;
}

/** Groups by channel, product line and region (null: left empty), for the breakdowns. */
export interface DimensionCell extends OutcomeCell {
  channel: string | null;
  productLine: string | null;
  region: string | null;
}

export const stageIndex = (stage: Stage): number => stages.indexOf(stage);

/** The furthest stage an opportunity got to: what its history recorded, where it stands, and 合同签订 for a win. */
export function reachedIndex(cell: Pick<FunnelCell, 'status' | 'stage' | 'stageReached'>): number {
  return Math.max(cell.stageReached ?? 0, stageIndex(cell.stage), cell.status === 'won' ? stages.length - 1 : 0);
}

/** What happened in one month (YYYY-MM): opportunities entered the funnel, were won, or were lost. */
export interface TrendCell {
  month: string;
  event: 'entered' | 'won' | 'lost';
  count: number;
  budgetFen: number;
  /** The final amounts of wins (budgets where none was recorded), the budgets otherwise. */
  amountFen: number;
}

/** Open opportunities by the month they are expected to close (null: no date) and their stage. */
export interface ForecastCell {
  month: string | null;
  stage: Stage;
  count: number;
  budgetFen: number;
}
