import { Drawer, Table, Tag } from 'antd';
import { useState } from 'react';
import type { OpportunityFilters, OpportunityListItem } from '../../../src-shared/contract/followups';
import type { FunnelSegment } from '../../../src-shared/contract/funnel';
import { useT } from '../../i18n/LanguageProvider';
import { drillPageSize, useFunnelDrill } from './useFunnelReport';

export interface Drill {
  segment: FunnelSegment;
  label: string;
}

const yuan = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });

/** The opportunities behind a clicked chart part: exactly those the figure counts. */
export function DrillDrawer({ drill, filters, onClose }: { drill: Drill | null; filters: OpportunityFilters; onClose: () => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const result = useFunnelDrill(filters, drill?.segment ?? null, page);
  const columns = [
    { title: t('funnel.drill.customer'), dataIndex: 'customerName', key: 'customerName' },
    { title: t('funnel.drill.owner'), dataIndex: 'ownerName', key: 'ownerName' },
    { title: t('funnel.drill.stage'), key: 'stage', render: (_: unknown, r: OpportunityListItem) => t(`stage.${r.stage}`) },
    { title: t('funnel.drill.status'), key: 'status', render: (_: unknown, r: OpportunityListItem) => <Tag>{t(`status.${r.status}`)}</Tag> },
    { title: t('funnel.drill.amount'), key: 'amount', align: 'right' as const, render: (_: unknown, r: OpportunityListItem) => (r.amount === null ? '—' : yuan.format(r.amount)) },
    { title: t('funnel.drill.closeDate'), dataIndex: 'expectedCloseDate', key: 'expectedCloseDate' },
  ];
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      width={900}
      title={drill ? t('funnel.drill.title', { segment: drill.label, count: result.data?.total ?? 0 }) : ''}
      afterOpenChange={(open) => open || setPage(1)}
      destroyOnHidden
    >
      <Table
        rowKey="id"
        size="small"
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        columns={columns}
        pagination={{ current: page, pageSize: drillPageSize, total: result.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        data-testid="funnel-drill-table"
        onRow={(r) => ({ onClick: () => void (window.location.hash = `/myOpportunities?id=${r.id}`), style: { cursor: 'pointer' } })}
      />
    </Drawer>
  );
}
