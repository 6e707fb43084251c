import type { FunnelCell } from './cells';
import { ratio, sum, yuan } from './numbers';

export interface SlippageMetrics {
  /** Changes of the expected close date from a known date. */
  moves: number;
  /** Those that pushed it later. */
  slips: number;
  pullIns: number;
  slippedOpportunities: number;
  /** Average days one push moved the date. */
  averageSlipDays: number | null;
  totalSlipDays: number;
}

export function slippage(cells: readonly FunnelCell[]): SlippageMetrics {
  const moves = sum(cells, (c) => c.closeDateMoves);
  const slips = sum(cells, (c) => c.closeDateSlips);
  const totalSlipDays = sum(cells, (c) => c.closeDateSlipDays);
  return {
    moves,
    slips,
    pullIns: moves - slips,
    slippedOpportunities: sum(cells, (c) => c.slippedOpportunities),
    averageSlipDays: ratio(totalSlipDays, slips),
    totalSlipDays,
  };
}

export interface LostReasonRow {
  /** As recorded; null when none was (imported losses). */
  reason: string | null;
  count: number;
  /** Budgets of the lost opportunities, yuan. */
  amount: number;
  /** Of all losses. */
  share: number | null;
}

/** Losses by reason, most frequent first; the office's list order breaks ties so the chart is stable. */
export function lostReasons(cells: readonly FunnelCell[], configured: readonly string[]): LostReasonRow[] {
  const lost = cells.filter((c) => c.status === 'lost');
  const total = sum(lost, (c) => c.count);
  const byReason = new Map<string | null, { count: number; fen: number }>();
  for (const c of lost) {
    const row = byReason.get(c.lostReason) ?? { count: 0, fen: 0 };
    row.count += c.count;
    row.fen += c.amountFen;
    byReason.set(c.lostReason, row);
  }
  const order = (reason: string | null) => (reason === null ? Infinity : configured.indexOf(reason) === -1 ? configured.length : configured.indexOf(reason));
  return [...byReason]
    .map(([reason, r]) => ({ reason, count: r.count, amount: yuan(r.fen), share: ratio(r.count, total) }))
    .sort((a, b) => b.count - a.count || order(a.reason) - order(b.reason) || String(a.reason).localeCompare(String(b.reason)));
}
