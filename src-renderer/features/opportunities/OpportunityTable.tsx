import { Table, type TableColumnsType, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { type HTMLAttributes, type KeyboardEvent, memo, type ReactNode, type Ref, useEffect, useMemo } from 'react';
import type { OpportunityListItem } from '../../../src-shared/contract/followups';
import { type Translate, useT } from '../../i18n/LanguageProvider';
import { formatYuan } from '../registration/format';
import { StatusTag } from '../registration/StatusTag';
import { DueTag } from './DueTag';
import { localDate } from './dates';
import { defaultSort, type ListSort, type SortKey } from './list-filters';
import { type ListRow, pageOf } from './useOpportunityPages';

export interface OpportunityTableProps {
  rows: ListRow[];
  loading: boolean;
  showOwner: boolean;
  sort: ListSort;
  /** The table body's height: the list scrolls inside it. */
  height: number;
  today: string;
  onSort(sort: ListSort): void;
  /** A drawn row's page, so it is fetched (see useOpportunityPages). */
  request(page: number): void;
  open(id: number): void;
  tableRef?: Ref<TableRef>;
}

export type TableRef = { scrollTo: (config: { top?: number; index?: number }) => void };

/** Rows ask for their page after a pause, so dragging the scrollbar across thousands fetches only where it stops. */
const settleMs = 80;

function PageMark({ page, request }: { page: number; request(page: number): void }) {
  useEffect(() => {
    const timer = setTimeout(() => request(page), settleMs);
    return () => clearTimeout(timer);
  }, [page, request]);
  return null;
}

const dash = '—';
const orDash = (text: string | null | undefined) => text || dash;

/**
 * 我的商机 as one virtual table over the whole result: only the rows in view are drawn, and their pages
 * fetched as they come into view. Sorting is the server's (the contract's sort keys), by the headers.
 */
export const OpportunityTable = memo(function OpportunityTable({ rows, loading, showOwner, sort, height, today, onSort, request, open, tableRef }: OpportunityTableProps) {
  const t = useT();
  const columns = useMemo(() => tableColumns({ t, showOwner, sort, today, request }), [t, showOwner, sort, today, request]);
  const width = columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);

  const onChange: TableProps<ListRow>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const by = one?.columnKey as SortKey | undefined;
    onSort(by && one?.order ? { by, direction: one.order === 'ascend' ? 'asc' : 'desc' } : defaultSort);
  };
  return (
    <div data-testid="opps-table" data-count={rows.length}>
      <Table<ListRow>
        ref={tableRef as Ref<never>}
        virtual
        rowKey="index"
        columns={columns}
        dataSource={rows}
        loading={loading}
        size="small"
        pagination={false}
        scroll={{ x: width, y: height }}
        showSorterTooltip={false}
        locale={{ emptyText: t('ui.myOpps.empty') }}
        onChange={onChange}
        onRow={(row) => {
          if (!row.item) return {};
          const id = row.item.id;
          return {
            'data-testid': `opp-row-${id}`,
            tabIndex: 0,
            style: { cursor: 'pointer' },
            onClick: () => open(id),
            onKeyDown: (e: KeyboardEvent) => {
              if (e.key === 'Enter') open(id);
            },
          } as HTMLAttributes<HTMLElement>;
        }}
      />
    </div>
  );
});

/** The columns, made anew only when what they show changes (a scroll redraws rows, not columns). */
function tableColumns({ t, showOwner, sort, today, request }: { t: Translate; showOwner: boolean; sort: ListSort; today: string; request(page: number): void }): TableColumnsType<ListRow> {
  const order = (key: SortKey): SortOrder => (sort.by === key ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null);
  const sortable = (key: SortKey) => ({
    key,
    sorter: true,
    sortOrder: order(key),
    sortDirections: ['descend', 'ascend'] as SortOrder[],
    onHeaderCell: () => ({ 'data-testid': `opps-sort-${key}` }) as HTMLAttributes<HTMLElement>,
  });
  const cell = (render: (item: OpportunityListItem) => ReactNode) => (_: unknown, row: ListRow) => (row.item ? render(row.item) : null);

  const columns: TableColumnsType<ListRow> = [
    {
      title: t('ui.opps.col.customer'),
      ...sortable('customerName'),
      width: 240,
      fixed: 'left',
      ellipsis: true,
      render: (_, row) => (
        <>
          <PageMark page={pageOf(row.index)} request={request} />
          {row.item ? (
            <span data-testid={`opp-customer-${row.item.id}`} title={row.item.customerName}>
              {row.item.customerName}
            </span>
          ) : (
            <span style={{ opacity: 0.45 }}>{t('ui.myOpps.loadingRow')}</span>
          )}
        </>
      ),
    },
    { title: t('ui.reg.contactPerson'), key: 'contact', width: 90, ellipsis: true, render: cell((o) => o.contactPerson) },
    ...(showOwner ? [{ title: t('ui.opps.col.owner'), key: 'owner', width: 90, ellipsis: true, render: cell((o) => o.ownerName) }] : []),
    { title: t('ui.opps.col.stage'), ...sortable('stage'), width: 100, render: cell((o) => t(`stage.${o.stage}`)) },
    { title: t('ui.opps.col.status'), key: 'status', width: 100, render: cell((o) => <StatusTag status={o.status} testId={`opp-status-${o.id}`} />) },
    {
      title: t('ui.myOpps.col.amount'),
      ...sortable('amount'),
      width: 130,
      align: 'right',
      render: cell((o) => (o.amount === null ? dash : formatYuan(o.amount))),
    },
    { title: t('ui.opps.col.expectedClose'), ...sortable('expectedCloseDate'), width: 120, render: cell((o) => orDash(o.expectedCloseDate)) },
    {
      title: t('ui.myOpps.col.nextAction'),
      ...sortable('nextDueDate'),
      width: 230,
      ellipsis: true,
      render: cell((o) =>
        o.nextAction || o.nextDueDate ? (
          <span title={o.nextAction ?? undefined} data-testid={`opp-next-${o.id}`}>
            <DueTag due={o.nextDueDate} today={today} status={o.status} /> {o.nextAction}
          </span>
        ) : (
          dash
        ),
      ),
    },
    { title: t('ui.myOpps.col.lastActivity'), ...sortable('lastActivityAt'), width: 120, render: cell((o) => orDash(localDate(o.lastActivityAt))) },
    { title: t('ui.myOpps.col.enteredAt'), ...sortable('enteredAt'), width: 120, render: cell((o) => localDate(o.enteredAt)) },
    { title: t('ui.myOpps.col.updatedAt'), ...sortable('updatedAt'), width: 120, render: cell((o) => localDate(o.updatedAt)) },
  ];
  return columns;
}
