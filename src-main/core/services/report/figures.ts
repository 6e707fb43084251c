import type { FunnelReport } from '../../../../src-shared/contract/funnel';

/**
 * Everything the figure sheets show, all of it from the funnel analytics (services/funnel), the same
 * function the dashboard draws: the report for the filters, and one per month for the conversion
 * sheet, whose rows are the cohorts that entered the funnel in each month.
 */
export interface ReportFigures {
  report: FunnelReport;
  monthly: { month: string; report: FunnelReport }[];
}
