import type ExcelJS from 'exceljs';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import type { Labels } from './labels';
import { type TableColumn, addReportSheet, columnRefs, writeTable } from './sheet-table';
import type { SheetCharts } from './xlsx-charts/types';

type StageRow = FunnelReport['stages'][number] & { conversionToNext: number | null };

/** 漏斗: one row per stage, and a funnel of the opportunities that reached each stage. */
export function writeFunnelSheet(wb: ExcelJS.Workbook, l: Labels, report: FunnelReport): SheetCharts {
  const ws = addReportSheet(wb, l.t('report.sheet.funnel'));
  // The analytics give each stage's conversion from the one before; the sheet reads it forwards.
  const rows: StageRow[] = report.stages.map((s, i) => ({ ...s, conversionToNext: report.stages[i + 1]?.conversionFromPrevious ?? null }));
  const columns: TableColumn<StageRow>[] = [
    { header: l.t('report.col.stage'), kind: 'text', value: (s) => l.code('stage', s.stage) },
    { header: l.t('report.col.reachedCount'), kind: 'count', value: (s) => s.reached.count },
    { header: l.t('report.col.reachedAmount'), kind: 'money', value: (s) => s.reached.amount },
    { header: l.t('report.col.conversionToNext'), kind: 'percent', value: (s) => s.conversionToNext },
    { header: l.t('report.col.cumulative'), kind: 'percent', value: (s) => s.cumulativeConversion },
    { header: l.t('report.col.openCount'), kind: 'count', value: (s) => s.open.count },
    { header: l.t('report.col.openAmount'), kind: 'money', value: (s) => s.open.amount },
    { header: l.t('report.col.probability'), kind: 'percent', value: (s) => s.probability / 100 },
    { header: l.t('report.col.weighted'), kind: 'money', value: (s) => s.weightedAmount },
    { header: l.t('report.col.daysInStage'), kind: 'days', value: (s) => s.averageDaysInStage },
    { header: l.t('report.col.stale'), kind: 'count', value: (s) => s.stale },
  ];
  const placement = writeTable(ws, columns, rows);
  ws.commit();
  const names = columnRefs(placement, columns, rows, 0).text;
  const reached = columnRefs(placement, columns, rows, 1);
  return {
    sheet: ws.name,
    charts: [
      {
        kind: 'bar',
        title: l.t('report.chart.funnel'),
        language: l.language,
        anchor: { from: { col: 0, row: rows.length + 3 }, to: { col: 7, row: rows.length + 23 } },
        valueFormat: '#,##0',
        dataLabels: true,
        series: [{ name: reached.header, categories: names, values: reached.numbers, color: '1677FF' }],
      },
    ],
  };
}
