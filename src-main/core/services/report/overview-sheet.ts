import type ExcelJS from 'exceljs';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import type { ReportFilters } from '../../../../src-shared/contract/report';
import { type ValueKind, excelDateTime, shownText } from './cell-formats';
import type { Labels } from './labels';
import { type CellValue, KIND_STYLES, addReportSheet, fitColumns, writeHeader } from './sheet-table';

/** One line of the summary: a label, a figure of its own kind, and an amount where it has one. */
interface Line {
  label: string;
  value?: CellValue;
  kind?: ValueKind;
  amount?: number | null;
  share?: number | null;
  heading?: boolean;
}

export interface OverviewContext {
  generatedAt: string;
  generatedBy: string;
  filters: ReportFilters;
  /** Display names of the salespeople the filters name. */
  ownerNames: readonly string[];
}

function filterLines(l: Labels, c: OverviewContext): Line[] {
  const list = (values: readonly (string | null)[] | undefined) =>
    values?.length ? values.map((v) => v ?? l.t('report.filter.empty')).join('、') : l.t('report.filter.all');
  const { filters } = c;
  return [
    { label: l.t('report.overview.filters'), heading: true },
    { label: l.t('report.filter.period'), value: filters.period ? `${filters.period.from} ~ ${filters.period.to}` : l.t('report.filter.all') },
    { label: l.t('report.filter.owners'), value: c.ownerNames.length ? c.ownerNames.join('、') : l.t('report.filter.all') },
    { label: l.t('report.filter.channels'), value: list(filters.channels) },
    { label: l.t('report.filter.productLines'), value: list(filters.productLines) },
    { label: l.t('report.filter.regions'), value: list(filters.regions) },
  ];
}

function kpiLines(l: Labels, r: FunnelReport): Line[] {
  const s = r.summary;
  const outcome = (label: Line['label'], o: { count: number; amount: number }): Line => ({ label, value: o.count, kind: 'count', amount: o.amount });
  return [
    { label: l.t('report.overview.kpis'), heading: true },
    { label: l.t('report.kpi.opportunities'), value: s.opportunities, kind: 'count' },
    outcome(l.t('report.kpi.open'), s.open),
    outcome(l.t('report.kpi.won'), s.won),
    outcome(l.t('report.kpi.lost'), s.lost),
    outcome(l.t('report.kpi.expired'), s.expired),
    { label: l.t('report.kpi.winRate'), value: s.winRate, kind: 'percent' },
    { label: l.t('report.kpi.weighted'), amount: s.weightedPipeline },
    { label: l.t('report.kpi.averageWon'), amount: s.averageWonAmount },
    { label: l.t('report.kpi.cycleWon'), value: s.averageCycleDays.won, kind: 'days' },
    { label: l.t('report.kpi.cycleLost'), value: s.averageCycleDays.lost, kind: 'days' },
    { label: l.t('report.kpi.velocity'), amount: s.velocityPerDay },
    { label: l.t('report.kpi.stale'), value: s.stale, kind: 'count' },
    { label: l.t('report.kpi.slipped'), value: r.slippage.slippedOpportunities, kind: 'count' },
    { label: l.t('report.kpi.slipDays'), value: r.slippage.averageSlipDays, kind: 'days' },
  ];
}

function lostReasonLines(l: Labels, r: FunnelReport): Line[] {
  return [
    { label: l.t('report.overview.lostReasons'), heading: true },
    ...r.lostReasons.map((x) => ({ label: x.reason ?? l.t('report.filter.empty'), value: x.count, kind: 'count' as const, amount: x.amount, share: x.share })),
  ];
}

const HEADING: Partial<ExcelJS.Style> = { font: { bold: true, size: 12, color: { argb: 'FF1F4E79' } } };

/** 概览: when and by whom, the filters used, the key figures and the lost reasons. */
export function writeOverviewSheet(wb: ExcelJS.Workbook, l: Labels, report: FunnelReport, c: OverviewContext): void {
  const ws = addReportSheet(wb, l.t('report.sheet.overview'));
  const lines: Line[] = [
    { label: l.t('report.generatedAt'), value: excelDateTime(c.generatedAt), kind: 'dateTime' },
    { label: l.t('report.generatedBy'), value: c.generatedBy },
    { label: l.t('report.scope'), value: l.t(report.scope === 'team' ? 'report.scope.team' : 'report.scope.mine') },
    ...filterLines(l, c),
    ...kpiLines(l, report),
    ...lostReasonLines(l, report),
  ];
  fitColumns(
    ws,
    [
      { header: l.t('report.overview.item'), kind: 'text', value: (x: Line) => x.label },
      { header: l.t('report.overview.value'), kind: 'text', value: (x: Line) => (x.kind ? shownText(x.value, x.kind) : (x.value ?? null)) },
      { header: l.t('report.overview.amount'), kind: 'money', value: (x: Line) => x.amount ?? null },
      { header: l.t('report.col.share'), kind: 'percent', value: (x: Line) => x.share ?? null },
    ],
    lines.filter((x) => !x.heading),
  );
  writeHeader(ws, [l.t('report.overview.item'), l.t('report.overview.value'), l.t('report.overview.amount'), l.t('report.col.share')]);
  for (const line of lines) {
    if (line.heading) {
      ws.addRow([]);
      ws.addRow([line.label]).getCell(1).style = HEADING;
      continue;
    }
    const row = ws.addRow([line.label, line.value ?? null, line.amount ?? null, line.share ?? null]);
    if (line.kind) row.getCell(2).style = KIND_STYLES[line.kind];
    if (line.amount !== undefined) row.getCell(3).style = KIND_STYLES.money;
    if (line.share !== undefined) row.getCell(4).style = KIND_STYLES.percent;
  }
  ws.commit();
}
