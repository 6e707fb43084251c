import { describe, expect, it } from 'vitest';
import type { FunnelReport } from '../../../src-shared/contract/funnel';
import { translate } from '../../../src-shared/i18n';
import { conversionChart, forecastChart, funnelChart, leaderboardOwnerAt, lostReasonsChart, trendChart } from './chart-options';

const t = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const stage = (s: FunnelReport['stages'][number]['stage'], reached: number) => ({
  stage: s,
  probability: 0.1,
  open: { count: 1, amount: 1 },
  weightedAmount: 0,
  reached: { count: reached, amount: 0 },
  conversionFromPrevious: 0.5,
  cumulativeConversion: 0.25,
  averageDaysInStage: null,
  stale: 0,
});
const row = (key: number, label: string, won: number) => ({ key, label, won: { count: 1, amount: won } }) as FunnelReport['bySalesperson'][number];

const report = {
  stages: [stage('initial_contact', 40), stage('needs_confirmed', 20), stage('quotation', 10), stage('contract_signed', 5)],
  trend: [
    { month: '2026-09', created: 3, createdAmount: 0, won: 1, wonAmount: 0, lost: 0, lostAmount: 0 },
    { month: '2026-10', created: 5, createdAmount: 0, won: 2, wonAmount: 0, lost: 1, lostAmount: 0 },
  ],
  lostReasons: [
    { reason: '价格过高', count: 3, amount: 0, share: 0.75 },
    { reason: null, count: 1, amount: 0, share: 0.25 },
  ],
  forecast: [{ month: null, count: 1, amount: 5, weightedAmount: 1 }],
  bySalesperson: [row(7, '李雷', 900), row(9, '王芳', 100)],
} as unknown as FunnelReport;

describe('dashboard charts', () => {
  it('maps a click on each chart to the segment of opportunities it counts', () => {
    expect(funnelChart(report, t).segmentAt({ dataIndex: 1 })).toEqual({ kind: 'stage', stage: 'needs_confirmed', measure: 'reached' });
    expect(funnelChart(report, t).labelAt({ dataIndex: 0 })).toBe('初步接触');
    // Conversion starts at the second stage: there is nothing to convert into the first.
    expect(conversionChart(report, t).segmentAt({ dataIndex: 0 })).toEqual({ kind: 'stage', stage: 'needs_confirmed', measure: 'reached' });
    expect(trendChart(report, t).segmentAt({ seriesIndex: 2, dataIndex: 1 })).toEqual({ kind: 'trend', series: 'lost', month: '2026-10' });
    expect(lostReasonsChart(report, t).segmentAt({ dataIndex: 1 })).toEqual({ kind: 'lostReason', reason: null });
    expect(lostReasonsChart(report, t).labelAt({ dataIndex: 1 })).toBe('未填原因');
    expect(forecastChart(report, t, String).segmentAt({ dataIndex: 0 })).toEqual({ kind: 'forecast', month: null });
    expect(funnelChart(report, t).segmentAt({ dataIndex: 9 })).toBeNull();
  });

  it('orders the leaderboard by won amount and drills to the salesperson drawn at the bar', () => {
    expect(leaderboardOwnerAt(report, 0)).toBe(9);
    expect(leaderboardOwnerAt(report, 1)).toBe(7);
  });
});
