import type ExcelJS from 'exceljs';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import { type BreakdownRow, keyLabel, outcomeColumns } from './breakdown-columns';
import type { Labels } from './labels';
import { type TableColumn, addReportSheet, writeTable } from './sheet-table';

type DimensionRow = BreakdownRow & { dimension: string };

/** 渠道与产品: channels, product lines and regions in one table, so one autofilter picks the dimension. */
export function writeChannelsSheet(wb: ExcelJS.Workbook, l: Labels, report: FunnelReport): void {
  const ws = addReportSheet(wb, l.t('report.sheet.channels'));
  const tagged = (rows: BreakdownRow[], key: 'report.dimension.channel' | 'report.dimension.productLine' | 'report.dimension.region') =>
    rows.map((r) => ({ ...r, dimension: l.t(key) }));
  const rows: DimensionRow[] = [
    ...tagged(report.byChannel, 'report.dimension.channel'),
    ...tagged(report.byProductLine, 'report.dimension.productLine'),
    ...tagged(report.byRegion, 'report.dimension.region'),
  ];
  const columns: TableColumn<DimensionRow>[] = [
    { header: l.t('report.col.dimension'), kind: 'text', value: (r) => r.dimension },
    { header: l.t('report.col.name'), kind: 'text', value: (r) => keyLabel(l, r) },
    ...outcomeColumns<DimensionRow>(l),
  ];
  writeTable(ws, columns, rows);
  ws.commit();
}
