import type ExcelJS from 'exceljs';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import type { Labels } from './labels';
import { type TableColumn, addReportSheet, appendTable, columnRefs, fitColumns } from './sheet-table';
import type { SheetCharts } from './xlsx-charts/types';

type TrendRow = FunnelReport['trend'][number];
type ForecastRow = FunnelReport['forecast'][number];

/**
 * 月度趋势: what happened in each month (entered, won, lost) with a line chart of the amounts, and
 * below it the forecast of open opportunities by the month they are expected to close.
 */
export function writeTrendSheet(wb: ExcelJS.Workbook, l: Labels, report: FunnelReport): SheetCharts {
  const ws = addReportSheet(wb, l.t('report.sheet.trend'));
  const trendColumns: TableColumn<TrendRow>[] = [
    { header: l.t('report.col.month'), kind: 'text', value: (r) => r.month },
    { header: l.t('report.col.created'), kind: 'count', value: (r) => r.created },
    { header: l.t('report.col.createdAmount'), kind: 'money', value: (r) => r.createdAmount },
    { header: l.t('report.col.wonCount'), kind: 'count', value: (r) => r.won },
    { header: l.t('report.col.wonAmount'), kind: 'money', value: (r) => r.wonAmount },
    { header: l.t('report.col.lostCount'), kind: 'count', value: (r) => r.lost },
    { header: l.t('report.col.lostAmount'), kind: 'money', value: (r) => r.lostAmount },
  ];
  const forecastColumns: TableColumn<ForecastRow>[] = [
    { header: l.t('report.col.forecastMonth'), kind: 'text', value: (r) => r.month ?? l.t('report.col.noDate') },
    { header: l.t('report.col.forecastCount'), kind: 'count', value: (r) => r.count },
    { header: l.t('report.col.forecastAmount'), kind: 'money', value: (r) => r.amount },
    { header: l.t('report.col.forecastWeighted'), kind: 'money', value: (r) => r.weightedAmount },
  ];
  fitColumns(ws, trendColumns, report.trend);
  fitColumns(ws, forecastColumns, report.forecast);
  const trend = appendTable(ws, trendColumns, report.trend, { headerRow: 0, autoFilter: true });
  ws.addRow([]);
  appendTable(ws, forecastColumns, report.forecast, { headerRow: report.trend.length + 2, autoFilter: false });
  ws.commit();
  if (report.trend.length === 0) return { sheet: ws.name, charts: [] };

  const months = columnRefs(trend, trendColumns, report.trend, 0).text;
  const created = columnRefs(trend, trendColumns, report.trend, 2);
  const won = columnRefs(trend, trendColumns, report.trend, 4);
  return {
    sheet: ws.name,
    charts: [
      {
        kind: 'line',
        title: l.t('report.chart.trend'),
        language: l.language,
        anchor: { from: { col: trendColumns.length + 1, row: 1 }, to: { col: trendColumns.length + 10, row: 21 } },
        valueFormat: '"¥"#,##0',
        series: [
          { name: created.header, categories: months, values: created.numbers, color: '1677FF' },
          { name: won.header, categories: months, values: won.numbers, color: '52C41A' },
        ],
      },
    ],
  };
}
