import type ExcelJS from 'exceljs';
import { stages } from '../../../../src-shared/contract/registrations';
import type { CohortFigures } from './cohorts';
import type { Labels } from './labels';
import { type TableColumn, addReportSheet, writeTable } from './sheet-table';

/**
 * 转化: stage to stage by month. Each row is the cohort that entered the funnel that month, as the
 * funnel analytics report it for that one month (cohorts.ts): how many got from each stage to the next.
 */
export function writeConversionSheet(wb: ExcelJS.Workbook, l: Labels, months: readonly CohortFigures[]): void {
  const ws = addReportSheet(wb, l.t('report.sheet.conversion'));
  const steps: TableColumn<CohortFigures>[] = stages.slice(1).map((to, i) => ({
    header: l.t('report.col.step', { from: l.code('stage', stages[i]!), to: l.code('stage', to) }),
    kind: 'percent',
    value: (r) => r.stages.find((s) => s.stage === to)?.conversionFromPrevious ?? null,
  }));
  const columns: TableColumn<CohortFigures>[] = [
    { header: l.t('report.col.month'), kind: 'text', value: (r) => r.month },
    { header: l.t('report.col.entered'), kind: 'count', value: (r) => r.stages[0]?.reached.count ?? 0 },
    ...steps,
    { header: l.t('report.col.cumulative'), kind: 'percent', value: (r) => r.stages.at(-1)?.cumulativeConversion ?? null },
    { header: l.t('report.col.winRate'), kind: 'percent', value: (r) => r.summary.winRate },
  ];
  writeTable(ws, columns, months);
  ws.commit();
}
