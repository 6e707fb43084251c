import { describe, expect, it } from 'vitest';
import { defaultFunnelSettings } from '../../contract/funnel-settings';
import { type DimensionCell, type FunnelCell, buildFunnelReport, forecastRows, monthsBetween, reachedIndex, trendRows } from '.';

const probabilities = defaultFunnelSettings.stageProbabilities;

type Deal = FunnelCell & DimensionCell;

/** One opportunity as a cell of both kinds; amounts in yuan for readability. */
function deal(overrides: Partial<Deal> & { yuan?: number; finalYuan?: number; cycle?: number } = {}): Deal {
  const { yuan = 100, finalYuan, cycle, ...rest } = overrides;
  const status = rest.status ?? 'approved';
  const closed = status !== 'approved';
  return {
    status,
    ownerId: 1,
    channel: null,
    productLine: null,
    region: null,
    stage: 'initial_contact',
    stageReached: null,
    lostReason: null,
    count: 1,
    budgetFen: yuan * 100,
    amountFen: (finalYuan ?? yuan) * 100,
    cycleDays: closed ? (cycle ?? 0) : 0,
    cycleCount: closed ? 1 : 0,
    stale: 0,
    stageDays: [0, 0, 0],
    stageStints: [0, 0, 0],
    closeDateMoves: 0,
    closeDateSlips: 0,
    closeDateSlipDays: 0,
    slippedOpportunities: 0,
    ...rest,
  };
}

const report = (cells: Deal[]) =>
  buildFunnelReport({ cells, dimensions: cells, trend: [], forecast: [], trendMonths: null, probabilities, lostReasons: defaultFunnelSettings.lostReasons, ownerNames: new Map([[1, '李雷'], [2, '王芳']]), team: true });

describe('funnel math', () => {
  it('counts an opportunity as having passed every stage before the furthest it reached', () => {
    expect(reachedIndex({ status: 'approved', stage: 'quotation', stageReached: null })).toBe(2);
    expect(reachedIndex({ status: 'approved', stage: 'needs_confirmed', stageReached: 2 })).toBe(2);
    expect(reachedIndex({ status: 'won', stage: 'initial_contact', stageReached: 0 })).toBe(3);
    const r = report([
      deal({ stage: 'initial_contact' }),
      deal({ stage: 'needs_confirmed', stageReached: 1 }),
      deal({ stage: 'needs_confirmed', stageReached: 2, status: 'lost', cycle: 10 }),
      deal({ stage: 'contract_signed', status: 'won', cycle: 30 }),
    ]);
    expect(r.stages.map((s) => s.reached.count)).toEqual([4, 3, 2, 1]);
    expect(r.stages.map((s) => s.conversionFromPrevious)).toEqual([null, 0.75, 2 / 3, 0.5]);
    expect(r.stages.map((s) => s.cumulativeConversion)).toEqual([1, 0.75, 0.5, 0.25]);
  });

  it('computes win rate over closed deals only, weighted pipeline, average won size, cycle and velocity', () => {
    const r = report([
      deal({ stage: 'initial_contact', yuan: 1000 }),
      deal({ stage: 'quotation', yuan: 2000 }),
      deal({ status: 'won', stage: 'contract_signed', yuan: 500, finalYuan: 600, cycle: 20 }),
      deal({ status: 'won', stage: 'contract_signed', yuan: 300, finalYuan: 400, cycle: 40 }),
      deal({ status: 'lost', stage: 'quotation', yuan: 900, cycle: 10 }),
      deal({ status: 'expired', stage: 'initial_contact', yuan: 50, cycle: 90 }),
    ]);
    expect(r.summary.opportunities).toBe(6);
    expect(r.summary.winRate).toBeCloseTo(2 / 3);
    expect(r.summary.won).toEqual({ count: 2, amount: 1000 });
    expect(r.summary.lost).toEqual({ count: 1, amount: 900 });
    expect(r.summary.expired).toEqual({ count: 1, amount: 50 });
    expect(r.summary.weightedPipeline).toBe(1000 * 0.1 + 2000 * 0.6);
    expect(r.summary.averageWonAmount).toBe(500);
    expect(r.summary.averageCycleDays).toEqual({ won: 30, lost: 10 });
    // 2 open × 500 average won × 2/3 ÷ 30 days
    expect(r.summary.velocityPerDay).toBeCloseTo((2 * 500 * (2 / 3)) / 30, 2);
    expect(r.stages[2]).toMatchObject({ stage: 'quotation', open: { count: 1, amount: 2000 }, weightedAmount: 1200 });
  });

  it('says "unknown" rather than 0 where there is nothing to divide by', () => {
    const r = report([deal()]);
    expect(r.summary.winRate).toBeNull();
    expect(r.summary.averageWonAmount).toBeNull();
    expect(r.summary.velocityPerDay).toBeNull();
    expect(r.stages[0]?.averageDaysInStage).toBeNull();
    expect(report([]).stages.map((s) => s.cumulativeConversion)).toEqual([null, null, null, null]);
  });

  it('averages time in stage over the opportunities whose stint there ended, and slippage per push', () => {
    const r = report([
      deal({ stageDays: [4, 6, 0], stageStints: [1, 1, 0], closeDateMoves: 3, closeDateSlips: 2, closeDateSlipDays: 40, slippedOpportunities: 1 }),
      deal({ stageDays: [10, 0, 0], stageStints: [1, 0, 0], closeDateMoves: 1, closeDateSlips: 1, closeDateSlipDays: 5, slippedOpportunities: 1 }),
    ]);
    expect(r.stages.map((s) => s.averageDaysInStage)).toEqual([7, 6, null, null]);
    expect(r.slippage).toEqual({ moves: 4, slips: 3, pullIns: 1, slippedOpportunities: 2, averageSlipDays: 15, totalSlipDays: 45 });
  });

  it('orders lost reasons by count, then as the office lists them, unrecorded last', () => {
    const r = report([
      deal({ status: 'lost', lostReason: '预算取消' }),
      deal({ status: 'lost', lostReason: '价格过高' }),
      deal({ status: 'lost', lostReason: null }),
      deal({ status: 'lost', lostReason: '预算取消', count: 2, budgetFen: 20_000, amountFen: 20_000 }),
    ]);
    expect(r.lostReasons.map((l) => [l.reason, l.count])).toEqual([
      ['预算取消', 3],
      ['价格过高', 1],
      [null, 1],
    ]);
    expect(r.lostReasons[0]?.share).toBeCloseTo(0.6);
  });

  it('ranks the leaderboard by won amount and names salespeople; a salesperson gets none', () => {
    const cells = [deal({ ownerId: 1, status: 'won', finalYuan: 100 }), deal({ ownerId: 2, status: 'won', finalYuan: 300 }), deal({ ownerId: 2, channel: '展会' })];
    const r = report(cells);
    expect(r.bySalesperson.map((b) => [b.key, b.label, b.won.amount, b.opportunities])).toEqual([
      [2, '王芳', 300, 2],
      [1, '李雷', 100, 1],
    ]);
    expect(r.byChannel.map((b) => [b.key, b.opportunities])).toEqual([
      [null, 2],
      ['展会', 1],
    ]);
    const mine = buildFunnelReport({ cells, dimensions: cells, trend: [], forecast: [], trendMonths: null, probabilities, lostReasons: [], ownerNames: new Map(), team: false });
    expect(mine.bySalesperson).toEqual([]);
  });

  it('fills the months of the trend and sorts the forecast with undated opportunities last', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const trend = trendRows(
      [
        { month: '2025-11', event: 'entered', count: 2, budgetFen: 100, amountFen: 100 },
        { month: '2025-12', event: 'entered', count: 1, budgetFen: 50, amountFen: 50 },
        { month: '2026-01', event: 'won', count: 2, budgetFen: 100, amountFen: 300 },
        { month: '2026-01', event: 'lost', count: 1, budgetFen: 70, amountFen: 70 },
      ],
      null,
    );
    expect(trend.map((t) => [t.month, t.created, t.won, t.wonAmount, t.lost, t.lostAmount])).toEqual([
      ['2025-11', 2, 0, 0, 0, 0],
      ['2025-12', 1, 0, 0, 0, 0],
      ['2026-01', 0, 2, 3, 1, 0.7],
    ]);
    expect(trendRows([], { from: '2026-01', to: '2026-02' }).map((t) => t.month)).toEqual(['2026-01', '2026-02']);
    const forecast = forecastRows(
      [
        { month: null, stage: 'initial_contact', count: 1, budgetFen: 1000 },
        { month: '2026-05', stage: 'quotation', count: 2, budgetFen: 1000 },
        { month: '2026-04', stage: 'initial_contact', count: 1, budgetFen: 1000 },
        { month: '2026-05', stage: 'initial_contact', count: 1, budgetFen: 1000 },
      ],
      probabilities,
    );
    expect(forecast).toEqual([
      { month: '2026-04', count: 1, amount: 10, weightedAmount: 1 },
      { month: '2026-05', count: 3, amount: 20, weightedAmount: 7 },
      { month: null, count: 1, amount: 10, weightedAmount: 1 },
    ]);
  });
});
