import type { StageProbabilities } from '../../contract/funnel-settings';
import type { OutcomeCell } from './cells';
import { ratio, sum, yuan } from './numbers';

export interface CountAndAmount {
  count: number;
  /** Yuan. */
  amount: number;
}

/** The headline figures of a set of opportunities: the summary, and each row of a breakdown. */
export interface OutcomeMetrics {
  opportunities: number;
  open: CountAndAmount;
  won: CountAndAmount;
  lost: CountAndAmount;
  expired: CountAndAmount;
  /** won ÷ (won + lost); expired ones never closed, so they do not count. Null with nothing closed. */
  winRate: number | null;
  /** Σ open amount × the probability of its stage. */
  weightedPipeline: number;
  averageWonAmount: number | null;
  /** Average days from entering the funnel (approval) to closing, of the won and of the lost. */
  averageCycleDays: { won: number | null; lost: number | null };
  /**
   * Sales velocity, yuan per day: open opportunities × average won amount × win rate ÷ average days
   * to win. Null while any of them is unknown.
   */
  velocityPerDay: number | null;
  stale: number;
}

const ofStatus = (cells: readonly OutcomeCell[], status: OutcomeCell['status']) => cells.filter((c) => c.status === status);
const countAndAmountFen = (cells: readonly OutcomeCell[]) => ({ count: sum(cells, (c) => c.count), fen: sum(cells, (c) => c.amountFen) });

/** Σ amount × probability of the stage, in fen, over open cells. */
export function weightedFen(cells: readonly OutcomeCell[], probabilities: StageProbabilities): number {
  return sum(ofStatus(cells, 'approved'), (c) => (c.amountFen * probabilities[c.stage]) / 100);
}

export function outcomeMetrics(cells: readonly OutcomeCell[], probabilities: StageProbabilities): OutcomeMetrics {
  const [open, won, lost, expired] = (['approved', 'won', 'lost', 'expired'] as const).map((s) => countAndAmountFen(ofStatus(cells, s))) as [
    { count: number; fen: number },
    { count: number; fen: number },
    { count: number; fen: number },
    { count: number; fen: number },
  ];
  const cycle = (status: 'won' | 'lost') => {
    const closed = ofStatus(cells, status);
    return ratio(sum(closed, (c) => c.cycleDays), sum(closed, (c) => c.cycleCount));
  };
  const winRate = ratio(won.count, won.count + lost.count);
  const averageWonFen = ratio(won.fen, won.count);
  const averageCycleDays = { won: cycle('won'), lost: cycle('lost') };
  const daysToWin = averageCycleDays.won;
  const velocityFen =
    winRate !== null && averageWonFen !== null && daysToWin !== null && daysToWin > 0 ? (open.count * averageWonFen * winRate) / daysToWin : null;
  const money = (m: { count: number; fen: number }) => ({ count: m.count, amount: yuan(m.fen) });
  return {
    opportunities: open.count + won.count + lost.count + expired.count,
    open: money(open),
    won: money(won),
    lost: money(lost),
    expired: money(expired),
    winRate,
    weightedPipeline: yuan(weightedFen(cells, probabilities)),
    averageWonAmount: averageWonFen === null ? null : yuan(averageWonFen),
    averageCycleDays,
    velocityPerDay: velocityFen === null ? null : yuan(velocityFen),
    stale: sum(cells, (c) => c.stale),
  };
}
