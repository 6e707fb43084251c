import { SearchOutlined } from '@ant-design/icons';
import { Card, Flex, Input } from 'antd';
import { useState } from 'react';
import type { SessionUser } from '../../../src-shared/contract';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { useDebouncedValue } from '../registration/useDebouncedValue';
import { ClaimDrawer } from './ClaimDrawer';
import { ExtensionRequestsPanel } from './ExtensionRequestsPanel';
import { PoolTable } from './PoolTable';
import { type PoolEntry, usePoolList } from './usePoolList';

const searchPauseMs = 300;

/** 公海: customers whose protection ran out, free to claim; reviewers also decide extension requests here. */
export function PoolPage({ user }: { user: SessionUser }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [claiming, setClaiming] = useState<PoolEntry | null>(null);
  const pool = usePoolList(useDebouncedValue(search, searchPauseMs), page);
  const isReviewer = user.role === 'reviewer' || user.role === 'admin';

  return (
    <Flex vertical gap={24}>
      <Card title={t('ui.pool.title')}>
        <Flex vertical gap={16}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
            placeholder={t('ui.pool.search')}
            style={{ width: 240 }}
            data-testid="pool-search"
          />
          <ErrorAlert error={pool.error} testId="pool-error" />
          <PoolTable
            rows={pool.data?.items}
            total={pool.data?.total ?? 0}
            page={page}
            loading={pool.isPending || (pool.isPlaceholderData && pool.isFetching)}
            onPage={setPage}
            onClaim={setClaiming}
          />
        </Flex>
      </Card>
      {isReviewer && <ExtensionRequestsPanel />}
      {claiming && <ClaimDrawer user={user} entry={claiming} onClose={() => setClaiming(null)} />}
    </Flex>
  );
}
