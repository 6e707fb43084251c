import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { openRoute } from '../shell/useHashRoute';
import { type BulkOutcome, BulkApproveResult } from './BulkApproveResult';
import { formatBudget } from './format';
import { type QueueFilterValues, QueueFilters } from './QueueFilters';
import { reviewKeys } from './query-keys';
import { useDebounced } from './useDebounced';
import { useQueueNavigation } from './useQueueNavigation';

type QueueItem = OutputOf<'review.queue'>['items'][number];

const reviewRoute = (id: number) => `/review/${id}`;

/**
 * The reviewer's queue: submissions oldest first, with how long each has waited, its conflict flag
 * and what the automatic checks found. Rows are chosen for bulk approval; ↑/↓ and Enter open one.
 */
export function ReviewQueue() {
  const api = useApi();
  const t = useT();
  const { token } = theme.useToken();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<QueueFilterValues>({ ownerId: undefined, conflictOnly: false, search: '' });
  const search = useDebounced(filters.search.trim());
  const input = { conflictOnly: filters.conflictOnly, ...(filters.ownerId ? { ownerId: filters.ownerId } : {}), ...(search ? { search } : {}) };
  const queue = useQuery({ queryKey: reviewKeys.queue(input), queryFn: () => api.call('review.queue', input) });
  const items = queue.data?.items ?? [];
  const [selected, setSelected] = useState<number[]>([]);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const open = (item: QueueItem) => openRoute(reviewRoute(item.id));
  const { activeId, setActiveId } = useQueueNavigation(items, open);

  const bulk = useMutation({
    mutationFn: (ids: number[]) => api.call('review.bulkApprove', { ids }),
    onSuccess: (result, ids) => {
      setOutcome({ result, names: new Map(items.filter((i) => ids.includes(i.id)).map((i) => [i.id, i.customerName])) });
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.pendingCount });
    },
  });

  const columns: TableColumnsType<QueueItem> = [
    { title: t('ui.review.col.age'), dataIndex: 'ageDays', width: 90, render: (_, item) => t('ui.review.ageDays', { days: item.ageDays }) },
    { title: t('ui.review.col.owner'), dataIndex: 'ownerName', width: 110 },
    {
      title: t('ui.review.col.customer'),
      dataIndex: 'customerName',
      render: (_, item) => (
        <Typography.Link onClick={() => open(item)} data-testid={`queue-open-${item.id}`}>
          {item.customerName}
        </Typography.Link>
      ),
    },
    { title: t('ui.review.col.budget'), dataIndex: 'budget', align: 'right', width: 140, render: (_, item) => formatBudget(item.budget) },
    { title: t('ui.review.col.stage'), dataIndex: 'stage', width: 100, render: (_, item) => t(`stage.${item.stage}`) },
    { title: t('ui.review.col.conflict'), dataIndex: 'conflict', width: 100, render: (_, item) => <ConflictFlag item={item} /> },
    { title: t('ui.review.col.checks'), dataIndex: 'failedCriteria', render: (_, item) => <ChecksVerdict item={item} /> },
  ];

  return (
    <Card
      title={t('ui.review.queueTitle')}
      extra={
        <Popconfirm
          title={t('ui.review.bulk.confirm', { count: selected.length })}
          okText={t('ui.review.bulk.approve', { count: selected.length })}
          onConfirm={() => bulk.mutate(selected)}
          disabled={selected.length === 0}
        >
          <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} loading={bulk.isPending} data-testid="queue-bulk-approve">
            {t('ui.review.bulk.approve', { count: selected.length })}
          </Button>
        </Popconfirm>
      }
    >
      <Flex vertical gap={12}>
        <QueueFilters value={filters} onChange={setFilters} />
        <ErrorAlert error={queue.error ?? bulk.error} testId="queue-error" />
        {outcome && <BulkApproveResult outcome={outcome} onClose={() => setOutcome(null)} />}
        <div data-testid="queue-table">
          <Table<QueueItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={queue.isPending}
            pagination={false}
            locale={{ emptyText: t('ui.review.empty') }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (item) => ({ 'aria-label': item.customerName }) }}
            onRow={(item) => ({
              'data-testid': `queue-row-${item.id}`,
              'aria-selected': item.id === activeId,
              style: item.id === activeId ? { background: token.controlItemBgActive } : undefined,
              onClick: () => setActiveId(item.id),
              onDoubleClick: () => open(item),
            })}
          />
        </div>
        <Typography.Text type="secondary">{t('ui.review.keyboardHint')}</Typography.Text>
      </Flex>
    </Card>
  );
}

function ConflictFlag({ item }: { item: QueueItem }) {
  const t = useT();
  if (item.needsAdjudication) return <Tag color="red">{t('ui.review.needsAdjudication')}</Tag>;
  if (item.conflict) return <Tag color="orange">{t('ui.review.conflict')}</Tag>;
  return null;
}

/** The automatic checks' verdict: all passed, or the criteria that failed. */
function ChecksVerdict({ item }: { item: QueueItem }) {
  const t = useT();
  if (item.checksPassed) return <Tag color="green">{t('ui.review.checksPassed')}</Tag>;
  return (
    <Flex gap={4} wrap>
      {item.failedCriteria.map((c) => (
        <Tag key={c} color="red">
          {t(`criterion.${c}`)}
        </Tag>
      ))}
    </Flex>
  );
}
