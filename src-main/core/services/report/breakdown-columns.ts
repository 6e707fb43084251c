import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import type { Labels } from './labels';
import type { TableColumn } from './sheet-table';

export type BreakdownRow = FunnelReport['bySalesperson'][number];

/** The outcome figures of a breakdown row (salesperson, channel, product line, region), after its name columns. */
export function outcomeColumns<R extends BreakdownRow>(l: Labels): TableColumn<R>[] {
  return [
    { header: l.t('report.col.opportunities'), kind: 'count', value: (r) => r.opportunities },
    { header: l.t('report.col.openCount'), kind: 'count', value: (r) => r.open.count },
    { header: l.t('report.col.openAmount'), kind: 'money', value: (r) => r.open.amount },
    { header: l.t('report.col.weighted'), kind: 'money', value: (r) => r.weightedPipeline },
    { header: l.t('report.col.wonCount'), kind: 'count', value: (r) => r.won.count },
    { header: l.t('report.col.wonAmount'), kind: 'money', value: (r) => r.won.amount },
    { header: l.t('report.col.lostCount'), kind: 'count', value: (r) => r.lost.count },
    { header: l.t('report.col.lostAmount'), kind: 'money', value: (r) => r.lost.amount },
    { header: l.t('report.col.winRate'), kind: 'percent', value: (r) => r.winRate },
    { header: l.t('report.col.averageWon'), kind: 'money', value: (r) => r.averageWonAmount },
    { header: l.t('report.col.cycleDays'), kind: 'days', value: (r) => r.averageCycleDays.won },
    { header: l.t('report.col.stale'), kind: 'count', value: (r) => r.stale },
  ];
}

/** A breakdown key as a reader sees it: its label, or "(not given)" for the rows where it was left empty. */
export const keyLabel = (l: Labels, row: Pick<BreakdownRow, 'key' | 'label'>): string =>
  row.label ?? (row.key === null ? l.t('report.filter.empty') : String(row.key));
