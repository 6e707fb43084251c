import { Button, Table, type TableColumnsType, Tooltip } from 'antd';
import type { HTMLAttributes } from 'react';
import { useT } from '../../i18n/LanguageProvider';
import { localDateTime } from '../registration/format';
import { type PoolEntry, poolPageSize } from './usePoolList';

export interface PoolTableProps {
  rows: PoolEntry[] | undefined;
  total: number;
  page: number;
  loading: boolean;
  onPage(page: number): void;
  onClaim(entry: PoolEntry): void;
}

/** Customers nobody protects any more; a former owner cools down before claiming one back. */
export function PoolTable({ rows, total, page, loading, onPage, onClaim }: PoolTableProps) {
  const t = useT();
  const columns: TableColumnsType<PoolEntry> = [
    { title: t('ui.pool.col.customer'), dataIndex: 'customerName', render: (_, e) => <span data-testid={`pool-customer-${e.customerId}`}>{e.customerName}</span> },
    { title: t('ui.pool.col.region'), dataIndex: 'region', render: (_, e) => <span data-testid={`pool-region-${e.customerId}`}>{e.region ?? '—'}</span> },
    { title: t('ui.pool.col.releasedAt'), dataIndex: 'releasedAt', render: (_, e) => localDateTime(e.releasedAt) },
    {
      title: t('ui.common.actions'),
      key: 'claim',
      render: (_, e) =>
        e.claimableFrom ? (
          <Tooltip title={t('error.cooldown', { until: e.claimableFrom })}>
            <Button size="small" disabled data-testid={`pool-claim-${e.customerId}`}>
              <span data-testid={`pool-cooldown-${e.customerId}`}>{t('ui.pool.cooldown', { until: e.claimableFrom })}</span>
            </Button>
          </Tooltip>
        ) : (
          <Button size="small" type="primary" onClick={() => onClaim(e)} data-testid={`pool-claim-${e.customerId}`}>
            {t('ui.pool.claim')}
          </Button>
        ),
    },
  ];
  return (
    <div data-testid="pool-table">
      <Table<PoolEntry>
        rowKey="customerId"
        columns={columns}
        dataSource={rows}
        loading={loading}
        size="middle"
        onRow={(e) => ({ 'data-testid': `pool-row-${e.customerId}` }) as HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: poolPageSize, total, showSizeChanger: false, hideOnSinglePage: true, onChange: onPage }}
      />
    </div>
  );
}
