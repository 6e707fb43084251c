import type { StageProbabilities } from '../../contract/funnel-settings';
import type { OutcomeCell } from './cells';
import { type OutcomeMetrics, outcomeMetrics } from './outcomes';

export type BreakdownKey = number | string | null;

export interface BreakdownRow extends OutcomeMetrics {
  /** The salesperson's id, or the channel, product line or region as recorded (null: left empty). */
  key: BreakdownKey;
  /** What to show for the key: the salesperson's name; the value itself otherwise. */
  label: string | null;
}

/**
 * The headline figures per salesperson, channel, product line or region, ordered like a leaderboard:
 * won amount, then won count, then the number of opportunities.
 */
export function breakdown<C extends OutcomeCell>(
  cells: readonly C[],
  keyOf: (cell: C) => BreakdownKey,
  probabilities: StageProbabilities,
  labelOf: (key: BreakdownKey) => string | null = (key) => (key === null ? null : String(key)),
): BreakdownRow[] {
  const groups = new Map<BreakdownKey, C[]>();
  for (const cell of cells) {
    const key = keyOf(cell);
    const group = groups.get(key);
    if (group) group.push(cell);
    else groups.set(key, [cell]);
  }
  return [...groups]
    .map(([key, group]) => ({ key, label: labelOf(key), ...outcomeMetrics(group, probabilities) }))
    .sort(
      (a, b) =>
        b.won.amount - a.won.amount || b.won.count - a.won.count || b.opportunities - a.opportunities || String(a.key).localeCompare(String(b.key)),
    );
}
