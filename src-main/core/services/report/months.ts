import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import type { ReportFilters } from '../../../../src-shared/contract/report';

/** How many months the conversion sheet shows: the latest ones. */
export const CONVERSION_MONTHS = 12;

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/**
 * The periods of the conversion sheet's cohorts: each month in which opportunities entered the funnel,
 * the latest CONVERSION_MONTHS of them, clipped to the filters' own period.
 */
export function cohortPeriods(report: FunnelReport, filters: ReportFilters): { month: string; period: { from: string; to: string } }[] {
  return report.trend
    .filter((t) => t.created > 0)
    .slice(-CONVERSION_MONTHS)
    .map((t) => {
      const from = `${t.month}-01`;
      const to = monthEnd(t.month);
      const clipped = filters.period;
      return {
        month: t.month,
        period: { from: clipped && clipped.from > from ? clipped.from : from, to: clipped && clipped.to < to ? clipped.to : to },
      };
    });
}
