import { z } from 'zod';
import { operation } from './define';
import { opportunityFiltersSchema, opportunityPageSchema, opportunitySortSchema, pageSchema } from './followups';
import { staleDaysSchema, stageProbabilitiesSchema } from './funnel-settings';
import { stageSchema } from './registrations';

/**
 * 销售漏斗 (PRODUCT.md capability 6). `funnel.report` is the one analytics function: the dashboard
 * draws it and the Excel export writes it. Amounts are yuan, rates fractions (0.6315 = 63.15 %),
 * durations days. A salesperson gets their own figures whatever the filters say; reviewers and
 * administrators the team's, with a leaderboard.
 *
 * The period picks the opportunities that entered the funnel in it (were approved), and every figure
 * is about those: where they stand now, how many were won or lost, how long it took. The monthly trend
 * is the exception: it counts what happened in each month of the period (entered, won, lost), whenever
 * the opportunity entered.
 */

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'v.month' });
const rate = z.number().nullable();
const countAndAmount = z.object({ count: z.number().int(), amount: z.number() });

const outcomeMetricsShape = {
  opportunities: z.number().int(),
  open: countAndAmount,
  won: countAndAmount,
  lost: countAndAmount,
  expired: countAndAmount,
  winRate: rate,
  weightedPipeline: z.number(),
  averageWonAmount: z.number().nullable(),
  averageCycleDays: z.object({ won: z.number().nullable(), lost: z.number().nullable() }),
  /** Yuan per day: open opportunities × average won amount × win rate ÷ average days to win. */
  velocityPerDay: z.number().nullable(),
  stale: z.number().int(),
};

const breakdownRowSchema = z.object({
  /** Salesperson id, or the channel / product line / region as recorded; null: left empty. */
  key: z.union([z.number(), z.string(), z.null()]),
  label: z.string().nullable(),
  ...outcomeMetricsShape,
});

export const funnelReportSchema = z.object({
  asOf: z.string(),
  today: z.string(),
  scope: z.enum(['mine', 'team']),
  filters: opportunityFiltersSchema,
  settings: z.object({ stageProbabilities: stageProbabilitiesSchema, staleDays: staleDaysSchema }),
  summary: z.object(outcomeMetricsShape),
  stages: z.array(
    z.object({
      stage: stageSchema,
      probability: z.number(),
      open: countAndAmount,
      weightedAmount: z.number(),
      /** Got at least this far: an opportunity further on passed this stage. */
      reached: countAndAmount,
      conversionFromPrevious: rate,
      cumulativeConversion: rate,
      averageDaysInStage: z.number().nullable(),
      stale: z.number().int(),
    }),
  ),
  slippage: z.object({
    moves: z.number().int(),
    slips: z.number().int(),
    pullIns: z.number().int(),
    slippedOpportunities: z.number().int(),
    averageSlipDays: z.number().nullable(),
    totalSlipDays: z.number(),
  }),
  lostReasons: z.array(z.object({ reason: z.string().nullable(), count: z.number().int(), amount: z.number(), share: rate })),
  /** The leaderboard; empty for a salesperson. */
  bySalesperson: z.array(breakdownRowSchema),
  byChannel: z.array(breakdownRowSchema),
  byProductLine: z.array(breakdownRowSchema),
  byRegion: z.array(breakdownRowSchema),
  trend: z.array(
    z.object({
      month: z.string(),
      created: z.number().int(),
      createdAmount: z.number(),
      won: z.number().int(),
      wonAmount: z.number(),
      lost: z.number().int(),
      lostAmount: z.number(),
    }),
  ),
  forecast: z.array(z.object({ month: z.string().nullable(), count: z.number().int(), amount: z.number(), weightedAmount: z.number() })),
});
export type FunnelReport = z.infer<typeof funnelReportSchema>;

/**
 * A clickable part of the report; drilling returns exactly the opportunities it counts. A breakdown
 * row (salesperson, channel, product line, region) drills by narrowing the filters instead.
 */
export const funnelSegmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('outcome'), outcome: z.enum(['open', 'won', 'lost', 'expired']) }),
  /** `open`: standing in the stage now; `reached`: got at least this far; `stale`: open there and stale. */
  z.object({ kind: z.literal('stage'), stage: stageSchema, measure: z.enum(['open', 'reached', 'stale']) }),
  z.object({ kind: z.literal('stale') }),
  z.object({ kind: z.literal('lostReason'), reason: z.string().max(50).nullable() }),
  z.object({ kind: z.literal('slipped') }),
  z.object({ kind: z.literal('forecast'), month: monthSchema.nullable() }),
  z.object({ kind: z.literal('trend'), series: z.enum(['created', 'won', 'lost']), month: monthSchema }),
]);
export type FunnelSegment = z.infer<typeof funnelSegmentSchema>;

export const funnelContract = {
  'funnel.report': operation({
    input: z.object({ filters: opportunityFiltersSchema.default({}) }).strict(),
    output: funnelReportSchema,
    access: 'signedIn',
  }),
  'funnel.drill': operation({
    input: z
      .object({ filters: opportunityFiltersSchema.default({}), segment: funnelSegmentSchema, sort: opportunitySortSchema, ...pageSchema })
      .strict(),
    output: opportunityPageSchema,
    access: 'signedIn',
  }),
};
