import type { StageProbabilities } from '../../contract/funnel-settings';
import { type Stage, stages } from '../../contract/registrations';
import { type FunnelCell, reachedIndex } from './cells';
import { weightedFen } from './outcomes';
import { ratio, sum, yuan } from './numbers';

export interface StageRow {
  stage: Stage;
  /** Percent, from the office settings. */
  probability: number;
  /** Open opportunities standing in this stage now, and their amount (yuan). */
  open: { count: number; amount: number };
  weightedAmount: number;
  /** Opportunities that got at least this far (an opportunity further on passed this stage), with their budgets. */
  reached: { count: number; amount: number };
  /** reached here ÷ reached in the stage before; null for the first stage. */
  conversionFromPrevious: number | null;
  /** reached here ÷ reached the first stage. */
  cumulativeConversion: number | null;
  /** Average days per opportunity over its ended stints in this stage; null for 合同签订 (the win). */
  averageDaysInStage: number | null;
  stale: number;
}

/** The funnel itself: one row per stage, in order. */
export function stageRows(cells: readonly FunnelCell[], probabilities: StageProbabilities): StageRow[] {
  const reached = stages.map((_, i) => cells.filter((c) => reachedIndex(c) >= i));
  const reachedCounts = reached.map((r) => sum(r, (c) => c.count));
  return stages.map((stage, i) => {
    const standing = cells.filter((c) => c.status === 'approved' && c.stage === stage);
    const openStage = i < 3 ? (i as 0 | 1 | 2) : null;
    return {
      stage,
      probability: probabilities[stage],
      open: { count: sum(standing, (c) => c.count), amount: yuan(sum(standing, (c) => c.amountFen)) },
      weightedAmount: yuan(weightedFen(standing, probabilities)),
      reached: { count: reachedCounts[i]!, amount: yuan(sum(reached[i]!, (c) => c.budgetFen)) },
      conversionFromPrevious: i === 0 ? null : ratio(reachedCounts[i]!, reachedCounts[i - 1]!),
      cumulativeConversion: ratio(reachedCounts[i]!, reachedCounts[0]!),
      averageDaysInStage:
        openStage === null ? null : ratio(sum(cells, (c) => c.stageDays[openStage]), sum(cells, (c) => c.stageStints[openStage])),
      stale: sum(standing, (c) => c.stale),
    };
  });
}
