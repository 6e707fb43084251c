import type ExcelJS from 'exceljs';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import { stages } from '../../../../src-shared/contract/registrations';
import type { Labels } from './labels';
import { type TableColumn, addReportSheet, writeTable } from './sheet-table';

type MonthRow = { month: string; report: FunnelReport };

/**
 * 转化: stage to stage by month. Each row is the cohort that entered the funnel that month, as the
 * funnel analytics report it for that one month: how many got from each stage to the next.
 */
export function writeConversionSheet(wb: ExcelJS.Workbook, l: Labels, months: readonly MonthRow[]): void {
  const ws = addReportSheet(wb, l.t('report.sheet.conversion'));
  const steps: TableColumn<MonthRow>[] = stages.slice(1).map((to, i) => ({
    header: l.t('report.col.step', { from: l.code('stage', stages[i]!), to: l.code('stage', to) }),
    kind: 'percent',
    value: (r) => r.report.stages.find((s) => s.stage === to)?.conversionFromPrevious ?? null,
  }));
  const columns: TableColumn<MonthRow>[] = [
    { header: l.t('report.col.month'), kind: 'text', value: (r) => r.month },
    { header: l.t('report.col.entered'), kind: 'count', value: (r) => r.report.stages[0]?.reached.count ?? 0 },
    ...steps,
    { header: l.t('report.col.cumulative'), kind: 'percent', value: (r) => r.report.stages.at(-1)?.cumulativeConversion ?? null },
    { header: l.t('report.col.winRate'), kind: 'percent', value: (r) => r.report.summary.winRate },
  ];
  writeTable(ws, columns, months);
  ws.commit();
}
