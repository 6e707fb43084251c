import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { Registration, SessionUser } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { formatYuan } from '../registration/format';
import { StatusTag } from '../registration/StatusTag';
import { type OpportunityDialog, OpportunityActions } from './OpportunityActions';
import { pageSize } from './useOpportunityList';

export interface OpportunityTableProps {
  me: SessionUser;
  rows: Registration[] | undefined;
  total: number;
  page: number;
  loading: boolean;
  showOwner: boolean;
  onPage(page: number): void;
  open(dialog: OpportunityDialog): void;
}

/** Registrations as a table, one page from the main process at a time. */
export function OpportunityTable({ me, rows, total, page, loading, showOwner, onPage, open }: OpportunityTableProps) {
  const t = useT();
  const columns: TableColumnsType<Registration> = [
    {
      title: t('ui.opps.col.customer'),
      dataIndex: 'customerName',
      render: (_, r) => <span data-testid={`opp-customer-${r.id}`}>{r.customerName}</span>,
    },
    ...(showOwner ? [{ title: t('ui.opps.col.owner'), dataIndex: 'ownerName' }] : []),
    { title: t('ui.opps.col.stage'), dataIndex: 'stage', render: (_, r) => t(`stage.${r.stage}`) },
    {
      title: t('ui.opps.col.status'),
      dataIndex: 'status',
      render: (_, r) => (
        <>
          <StatusTag status={r.status} testId={`opp-status-${r.id}`} />
          {r.needsAdjudication && r.status === 'submitted' && <Tag color="red">{t('ui.opps.adjudication')}</Tag>}
        </>
      ),
    },
    { title: t('ui.opps.col.budget'), dataIndex: 'budget', align: 'right', render: (_, r) => (r.budget === null ? '—' : formatYuan(r.budget)) },
    { title: t('ui.opps.col.expectedClose'), dataIndex: 'expectedCloseDate', render: (_, r) => r.expectedCloseDate ?? '—' },
    { title: t('ui.opps.col.protectedUntil'), dataIndex: 'protectedUntil', render: (_, r) => r.protectedUntil ?? '—' },
    {
      title: t('ui.opps.col.reason'),
      dataIndex: 'decisionReason',
      // The reviewer's reason matters while the owner can act on it.
      render: (_, r) =>
        (r.status === 'returned' || r.status === 'rejected') && r.decisionReason ? (
          <Typography.Text type={r.status === 'rejected' ? 'danger' : 'warning'} data-testid={`opp-reason-${r.id}`}>
            {r.decisionReason}
          </Typography.Text>
        ) : null,
    },
    {
      title: t('ui.common.actions'),
      key: 'actions',
      render: (_, r) => (r.ownerId === me.id ? <OpportunityActions registration={r} open={open} /> : null),
    },
  ];
  return (
    <div data-testid="opps-table">
      <Table<Registration>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        size="middle"
        onRow={(r) => ({ 'data-testid': `opp-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize, total, showSizeChanger: false, hideOnSinglePage: true, onChange: onPage }}
      />
    </div>
  );
}
