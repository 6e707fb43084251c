import type { StageProbabilities } from '../../contract/funnel-settings';
import { type BreakdownRow, breakdown } from './breakdown';
import type { DimensionCell, ForecastCell, FunnelCell, TrendCell } from './cells';
import { type LostReasonRow, type SlippageMetrics, lostReasons, slippage } from './losses';
import { type OutcomeMetrics, outcomeMetrics } from './outcomes';
import { type StageRow, stageRows } from './stages';
import { type ForecastRow, type TrendRow, forecastRows, trendRows } from './trend';

export interface FunnelReportInput {
  /** By salesperson and stage: the summary, stages, slippage, losses and the leaderboard. */
  cells: readonly FunnelCell[];
  /** By channel, product line and region: their breakdowns. */
  dimensions: readonly DimensionCell[];
  trend: readonly TrendCell[];
  forecast: readonly ForecastCell[];
  /** The months the trend shows (YYYY-MM); null for the months the data spans. */
  trendMonths: { from: string; to: string } | null;
  probabilities: StageProbabilities;
  lostReasons: readonly string[];
  ownerNames: ReadonlyMap<number, string>;
  /** Whether the viewer sees the team: a salesperson's report has no leaderboard of others. */
  team: boolean;
}

export interface FunnelReportBody {
  summary: OutcomeMetrics;
  stages: StageRow[];
  slippage: SlippageMetrics;
  lostReasons: LostReasonRow[];
  bySalesperson: BreakdownRow[];
  byChannel: BreakdownRow[];
  byProductLine: BreakdownRow[];
  byRegion: BreakdownRow[];
  trend: TrendRow[];
  forecast: ForecastRow[];
}

/** Every figure of the funnel from pre-aggregated cells: what the dashboard draws and the export writes. */
export function buildFunnelReport(input: FunnelReportInput): FunnelReportBody {
  const { cells, probabilities } = input;
  const ownerName = (key: number | string | null) => (typeof key === 'number' ? (input.ownerNames.get(key) ?? null) : null);
  return {
    summary: outcomeMetrics(cells, probabilities),
    stages: stageRows(cells, probabilities),
    slippage: slippage(cells),
    lostReasons: lostReasons(cells, input.lostReasons),
    bySalesperson: input.team ? breakdown(cells, (c) => c.ownerId, probabilities, ownerName) : [],
    byChannel: breakdown(input.dimensions, (c) => c.channel, probabilities),
    byProductLine: breakdown(input.dimensions, (c) => c.productLine, probabilities),
    byRegion: breakdown(input.dimensions, (c) => c.region, probabilities),
    trend: trendRows(input.trend, input.trendMonths),
    forecast: forecastRows(input.forecast, probabilities),
  };
}
