import { sql } from 'kysely';
import type { SessionUser } from '../../../../src-shared/contract';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import type { ReportFilters } from '../../../../src-shared/contract/report';
import { type FunnelCell, outcomeMetrics, stageRows } from '../../../../src-shared/domain/funnel';
import type { Database } from '../../db/database';
import { funnelCellsQuery, toFunnelCell } from '../funnel/cells';
import { staleCutoffs } from '../followups/stale';
import { enteredAt } from '../opportunities/scope';
import { cohortPeriods } from './months';
import { reportScope } from './scope';

/** One row of the 转化 sheet: a month's cohort, with the stages and summary funnel.report gives it. */
export type CohortFigures = { month: string } & Pick<FunnelReport, 'stages' | 'summary'>;

/**
 * The funnel of each cohort month of the 转化 sheet, all in one pass over the covering index: the
 * groups funnel.report counts for that month's period (the same scope, the same window of instants,
 * the stale cutoffs and probabilities of `report`), without the salesperson, who is not shown, and
 * with the cohort as one more key; each cohort's stages and summary then come from the domain's own
 * functions. Counts and rates equal funnel.report's for the month (report.test.ts, cohorts.test.ts);
 * twelve funnel.report calls took six times the CPU on 100,000 opportunities (docs/BENCHMARKS.md).
 */
export async function cohortFunnels(db: Database, user: SessionUser, filters: ReportFilters, report: FunnelReport): Promise<CohortFigures[]> {
  const cohorts = cohortPeriods(report, filters).map(({ month, period }) => {
    // The window funnel.report would count for this period: the scope resolves it the same way.
    const entered = reportScope(user, { ...filters, period }).entered!;
    return { month, entered };
  });
  if (cohorts.length === 0) return [];
  const scope = reportScope(user, filters);
  const fromIso = cohorts.reduce((a, c) => (c.entered.fromIso < a ? c.entered.fromIso : a), cohorts[0]!.entered.fromIso);
  const beforeIso = cohorts.reduce((a, c) => (c.entered.beforeIso > a ? c.entered.beforeIso : a), cohorts[0]!.entered.beforeIso);
  const cohortOf = sql<number | null>`CASE ${sql.join(
    cohorts.map((c, i) => sql`WHEN ${enteredAt} >= ${c.entered.fromIso} AND ${enteredAt} < ${c.entered.beforeIso} THEN ${sql.lit(i)}`),
    sql` `,
  )} END`;
  const cutoffs = staleCutoffs(report.settings.staleDays, report.asOf);
  // The months' bounds unindexed (`+`), so SQLite reads the covering index of the groups, not the
  // index of entry dates with a lookup into the table for every opportunity.
  const rows = await db.read((q) =>
    funnelCellsQuery(q, { ...scope, entered: null }, cutoffs, { bySalesperson: false })
      .where(sql<boolean>`+${enteredAt} >= ${fromIso} AND +${enteredAt} < ${beforeIso}`)
      .select(cohortOf.as('cohort'))
      .groupBy(sql`cohort`)
      .execute(),
  );
  const cells = cohorts.map((): FunnelCell[] => []);
  for (const row of rows) if (row.cohort !== null) cells[row.cohort]!.push(toFunnelCell(row));
  const probabilities = report.settings.stageProbabilities;
  return cohorts.map(({ month }, i) => ({ month, stages: stageRows(cells[i]!, probabilities), summary: outcomeMetrics(cells[i]!, probabilities) }));
}
