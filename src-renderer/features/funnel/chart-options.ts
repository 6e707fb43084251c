import type { FunnelReport, FunnelSegment } from '../../../src-shared/contract/funnel';
import type { Translate } from '../../i18n/LanguageProvider';
import type { ChartClick } from './EChart';
import type { EChartsCoreOption } from './echarts';

/** A chart of the dashboard: what to draw, and which opportunities a click on it stands for. */
export interface DashboardChart {
  option: EChartsCoreOption;
  segmentAt(click: ChartClick): FunnelSegment | null;
  /** The label of the clicked part, for the drill-down's title. */
  labelAt(click: ChartClick): string;
}

type Amount = (yuan: number) => string;

const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };

export function funnelChart(report: FunnelReport, t: Translate): DashboardChart {
  const data = report.stages.map((s) => ({ name: t(`stage.${s.stage}`), value: s.reached.count }));
  return {
    option: {
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '20%', label: { formatter: '{b}  {c}' }, data }],
    },
    segmentAt: ({ dataIndex }) => {
      const stage = report.stages[dataIndex]?.stage;
      return stage ? { kind: 'stage', stage, measure: 'reached' } : null;
    },
    labelAt: ({ dataIndex }) => data[dataIndex]?.name ?? '',
  };
}

export function conversionChart(report: FunnelReport, t: Translate): DashboardChart {
  const stages = report.stages.slice(1);
  const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
  return {
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: stages.map((s) => t(`stage.${s.stage}`)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('funnel.chart.conversion.previous'), type: 'bar', data: stages.map((s) => percent(s.conversionFromPrevious)) },
        { name: t('funnel.chart.conversion.cumulative'), type: 'bar', data: stages.map((s) => percent(s.cumulativeConversion)) },
      ],
    },
    segmentAt: ({ dataIndex }) => {
      const stage = stages[dataIndex]?.stage;
      return stage ? { kind: 'stage', stage, measure: 'reached' } : null;
    },
    labelAt: ({ dataIndex }) => (stages[dataIndex] ? t(`stage.${stages[dataIndex].stage}`) : ''),
  };
}

const trendSeries = ['created', 'won', 'lost'] as const;

export function trendChart(report: FunnelReport, t: Translate): DashboardChart {
  return {
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: report.trend.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: trendSeries.map((series) => ({
        name: t(`funnel.chart.trend.${series}`),
        type: 'line',
        smooth: true,
        data: report.trend.map((m) => m[series]),
      })),
    },
    segmentAt: ({ seriesIndex, dataIndex }) => {
      const series = trendSeries[seriesIndex ?? 0];
      const month = report.trend[dataIndex]?.month;
      return series && month ? { kind: 'trend', series, month } : null;
    },
    labelAt: ({ seriesIndex, dataIndex }) => `${report.trend[dataIndex]?.month ?? ''} ${t(`funnel.chart.trend.${trendSeries[seriesIndex ?? 0] ?? 'created'}`)}`,
  };
}

/** The leaderboard drills by narrowing the filters to the salesperson, not by a segment. */
export function leaderboardChart(report: FunnelReport, amount: Amount): EChartsCoreOption {
  const rows = [...report.bySalesperson].sort((a, b) => a.won.amount - b.won.amount);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => amount(Number(v)) },
    grid,
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => amount(v) } },
    yAxis: { type: 'category', data: rows.map((r) => r.label ?? '—') },
    series: [{ type: 'bar', data: rows.map((r) => r.won.amount) }],
  };
}

export const leaderboardOwnerAt = (report: FunnelReport, dataIndex: number): number | null => {
  const key = [...report.bySalesperson].sort((a, b) => a.won.amount - b.won.amount)[dataIndex]?.key;
  return typeof key === 'number' ? key : null;
};

export function lostReasonsChart(report: FunnelReport, t: Translate): DashboardChart {
  const label = (reason: string | null) => reason ?? t('funnel.chart.noReason');
  const data = report.lostReasons.map((r) => ({ name: label(r.reason), value: r.count }));
  return {
    option: {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      series: [{ type: 'pie', radius: ['35%', '70%'], data }],
    },
    segmentAt: ({ dataIndex }) => {
      const row = report.lostReasons[dataIndex];
      return row ? { kind: 'lostReason', reason: row.reason } : null;
    },
    labelAt: ({ dataIndex }) => data[dataIndex]?.name ?? '',
  };
}

export function forecastChart(report: FunnelReport, t: Translate, amount: Amount): DashboardChart {
  const months = report.forecast.map((f) => f.month ?? t('funnel.chart.noDate'));
  return {
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => amount(Number(v)) },
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => amount(v) } },
      series: [
        { name: t('funnel.chart.forecast.amount'), type: 'bar', data: report.forecast.map((f) => f.amount) },
        { name: t('funnel.chart.forecast.weighted'), type: 'bar', data: report.forecast.map((f) => f.weightedAmount) },
      ],
    },
    segmentAt: ({ dataIndex }) => {
      const row = report.forecast[dataIndex];
      return row ? { kind: 'forecast', month: row.month } : null;
    },
    labelAt: ({ dataIndex }) => months[dataIndex] ?? '',
  };
}
