import type { StageProbabilities } from '../../contract/funnel-settings';
import type { ForecastCell, TrendCell } from './cells';
import { monthsBetween } from './months';
import { yuan } from './numbers';

export interface TrendRow {
  month: string;
  /** Entered the funnel (were approved) this month. */
  created: number;
  createdAmount: number;
  /** Closed this month, by the day they were won or lost. */
  won: number;
  wonAmount: number;
  lost: number;
  lostAmount: number;
}

/**
 * One row per month from `range.from` to `range.to` (YYYY-MM), or over the months the data spans,
 * with the empty months in between, so a line chart's axis has no gaps.
 */
export function trendRows(cells: readonly TrendCell[], range: { from: string; to: string } | null): TrendRow[] {
  const seen = cells.map((c) => c.month).sort();
  const from = range?.from ?? seen[0];
  const to = range?.to ?? seen.at(-1);
  if (from === undefined || to === undefined) return [];
  const rows = new Map(monthsBetween(from, to).map((month) => [month, { month, created: 0, createdFen: 0, won: 0, wonFen: 0, lost: 0, lostFen: 0 }]));
  for (const c of cells) {
    const row = rows.get(c.month);
    if (!row) continue;
    if (c.event === 'entered') {
      row.created += c.count;
      row.createdFen += c.budgetFen;
    } else if (c.event === 'won') {
      row.won += c.count;
      row.wonFen += c.amountFen;
    } else {
      row.lost += c.count;
      row.lostFen += c.budgetFen;
    }
  }
  return [...rows.values()].map((r) => ({
    month: r.month,
    created: r.created,
    createdAmount: yuan(r.createdFen),
    won: r.won,
    wonAmount: yuan(r.wonFen),
    lost: r.lost,
    lostAmount: yuan(r.lostFen),
  }));
}

export interface ForecastRow {
  /** Expected close month (YYYY-MM); null for open opportunities without an expected close date. */
  month: string | null;
  count: number;
  amount: number;
  weightedAmount: number;
}

/** Open amount and weighted amount by expected close month, earliest first (overdue months included). */
export function forecastRows(cells: readonly ForecastCell[], probabilities: StageProbabilities): ForecastRow[] {
  const rows = new Map<string | null, { count: number; fen: number; weightedFen: number }>();
  for (const c of cells) {
    const row = rows.get(c.month) ?? { count: 0, fen: 0, weightedFen: 0 };
    row.count += c.count;
    row.fen += c.budgetFen;
    row.weightedFen += (c.budgetFen * probabilities[c.stage]) / 100;
    rows.set(c.month, row);
  }
  return [...rows]
    .map(([month, r]) => ({ month, count: r.count, amount: yuan(r.fen), weightedAmount: yuan(r.weightedFen) }))
    .sort((a, b) => (a.month === null ? 1 : b.month === null ? -1 : a.month.localeCompare(b.month)));
}
