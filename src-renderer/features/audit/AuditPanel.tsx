import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Collapse, Flex, Table, type TableColumnsType } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { localDateTime } from '../review/format';
import { AuditDiff } from './AuditDiff';
import { type AuditFilterValues, auditListInput, noAuditFilters } from './audit-filters';
import { AuditFilters } from './AuditFilters';
import { AuditVerify } from './AuditVerify';

type AuditEntry = OutputOf<'audit.list'>['items'][number];

const PAGE_SIZE = 20;

/**
 * 审计日志, for administrators, folded in 设置 until opened: it is seldom needed, and 设置 stays quick
 * to open without it.
 */
export function AuditPanel() {
  const t = useT();
  return <Collapse size="large" items={[{ key: 'audit', label: <span data-testid="audit-open">{t('ui.audit.title')}</span>, children: <AuditLog /> }]} />;
}

/**
 * Every audited change, newest first, filtered and paged; each row opens what it changed. Every audit
 * entry moves the 'audit' area of the change feed, so the list refreshes by itself; the reload button
 * is for checking now rather than at the feed's next poll of other PCs (every 2 s).
 */
function AuditLog() {
  const api = useApi();
  const t = useT();
  const [filters, setFilters] = useState<AuditFilterValues>(noAuditFilters);
  const [page, setPage] = useState(1);
  const input = auditListInput(filters, page, PAGE_SIZE);
  const log = useQuery({ queryKey: ['audit', 'list', input], queryFn: () => api.call('audit.list', input), placeholderData: keepPreviousData });

  const columns: TableColumnsType<AuditEntry> = [
    { title: '#', dataIndex: 'id', width: 70 },
    { title: t('ui.audit.col.at'), dataIndex: 'at', width: 150, render: (_, e) => localDateTime(e.at) },
    { title: t('ui.audit.col.user'), dataIndex: 'userName', width: 110, render: (_, e) => e.userName ?? t('ui.audit.system') },
    { title: t('ui.audit.col.operation'), dataIndex: 'operation' },
    { title: t('ui.audit.col.entity'), dataIndex: 'entity', width: 130 },
    { title: t('ui.audit.col.entityId'), dataIndex: 'entityId', width: 90 },
  ];

  const changeFilters = (next: AuditFilterValues) => {
    setFilters(next);
    setPage(1);
  };

  return (
    <Flex vertical gap={12} data-testid="audit-panel">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <AuditVerify />
        <Button icon={<ReloadOutlined />} onClick={() => void log.refetch()} data-testid="audit-refresh">
          {t('ui.common.reload')}
        </Button>
      </Flex>
      <AuditFilters value={filters} onChange={changeFilters} />
      <ErrorAlert error={log.error} testId="audit-error" />
      <div data-testid="audit-table">
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={log.data?.items}
          loading={log.isFetching}
          expandable={{ expandedRowRender: (e) => <AuditDiff id={e.id} before={e.before} after={e.after} /> }}
          onRow={(e) => ({ 'data-testid': `audit-row-${e.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: log.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        />
      </div>
    </Flex>
  );
}
