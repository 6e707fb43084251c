import type ExcelJS from 'exceljs';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import { type BreakdownRow, keyLabel, outcomeColumns } from './breakdown-columns';
import type { Labels } from './labels';
import { type TableColumn, addReportSheet, columnRefs, writeTable } from './sheet-table';
import type { SheetCharts } from './xlsx-charts/types';

/**
 * 销售人员: the leaderboard, and a column chart of each one's won and open amounts. A salesperson's
 * report has no leaderboard of others: their own summary is their one row.
 */
export function writeSalespeopleSheet(wb: ExcelJS.Workbook, l: Labels, report: FunnelReport, me: { id: number; displayName: string }): SheetCharts {
  const ws = addReportSheet(wb, l.t('report.sheet.salespeople'));
  const rows: BreakdownRow[] =
    report.scope === 'team' ? report.bySalesperson : [{ key: me.id, label: me.displayName, ...report.summary }];
  const columns: TableColumn<BreakdownRow>[] = [
    { header: l.t('report.col.salesperson'), kind: 'text', value: (r) => keyLabel(l, r) },
    ...outcomeColumns<BreakdownRow>(l),
  ];
  const placement = writeTable(ws, columns, rows);
  ws.commit();
  if (rows.length === 0) return { sheet: ws.name, charts: [] };
  const names = columnRefs(placement, columns, rows, 0).text;
  const won = columnRefs(placement, columns, rows, 6);
  const open = columnRefs(placement, columns, rows, 3);
  return {
    sheet: ws.name,
    charts: [
      {
        kind: 'column',
        title: l.t('report.chart.salespeople'),
        language: l.language,
        anchor: { from: { col: 0, row: rows.length + 3 }, to: { col: Math.max(8, Math.min(20, rows.length + 4)), row: rows.length + 23 } },
        valueFormat: '"¥"#,##0',
        series: [
          { name: won.header, categories: names, values: won.numbers, color: '52C41A' },
          { name: open.header, categories: names, values: open.numbers, color: '1677FF' },
        ],
      },
    ],
  };
}
