import { type Stage, stages } from '../../contract/registrations';

/** Statuses of opportunities in the funnel: approved (open), then won, lost, or expired unclosed. */
export const funnelStatuses = ['approved', 'won', 'lost', 'expired'] as const;
export type FunnelStatus = (typeof funnelStatuses)[number];

/** The stages an open opportunity spends time in; 合同签订 is the win itself. */
export const openStages = ['initial_contact', 'needs_confirmed', 'quotation'] as const satisfies readonly Stage[];

/**
 * Opportunities that share every dimension the report breaks down by, with their measures summed. One
 * opportunity is a cell of count 1, so the same functions work on single rows (tests) and on the
 * database's GROUP BY (services/funnel). Amounts are in fen.
 */
export interface FunnelCell {
  status: FunnelStatus;
  ownerId: number;
  channel: string | null;
  productLine: string | null;
  region: string | null;
  /** Where the opportunities stand now (or stood when they closed). */
  stage: Stage;
  /** The furthest stage their history recorded, as an index into `stages`; null without history. */
  stageReached: number | null;
  lostReason: string | null;
  count: number;
  /** The budgets: what open and lost opportunities were expected to bring. */
  budgetFen: number;
  /** The final amount of a win (its budget when none was recorded), the budget otherwise. */
  amountFen: number;
  /** Days from entering the funnel to closing, summed over `cycleCount` opportunities that closed. */
  cycleDays: number;
  cycleCount: number;
  /** Open opportunities with no follow-up or stage change for their stage's stale days. */
  stale: number;
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

export const stageIndex = (stage: Stage): number => stages.indexOf(stage);

/** The furthest stage an opportunity got to: what its history recorded, where it stands, and 合同签订 for a win. */
export function reachedIndex(cell: Pick<FunnelCell, 'status' | 'stage' | 'stageReached'>): number {
  return Math.max(cell.stageReached ?? 0, stageIndex(cell.stage), cell.status === 'won' ? stages.length - 1 : 0);
}

/** Monthly activity: how many entered the funnel in `enteredMonth`, closed in `closedMonth` (YYYY-MM). */
export interface TrendCell {
  enteredMonth: string | null;
  closedMonth: string | null;
  status: FunnelStatus;
  count: number;
  budgetFen: number;
  amountFen: number;
}

/** Open opportunities by the month they are expected to close (null: no date) and their stage. */
export interface ForecastCell {
  month: string | null;
  stage: Stage;
  count: number;
  budgetFen: number;
}
