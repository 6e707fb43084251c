import { useQuery } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { localDateTime } from '../registration/format';
import { registrationKeys } from '../registration/query-keys';
import { testIdProps } from '../registration/test-id';
import { RejectExtensionModal } from './RejectExtensionModal';
import { type ExtensionRequest, useDecideExtension } from './useDecideExtension';

/** For reviewers: salespeople's requests to keep a customer longer, to approve or reject. */
export function ExtensionRequestsPanel() {
  const api = useApi();
  const t = useT();
  const requests = useQuery({ queryKey: registrationKeys.extensions, queryFn: () => api.call('protection.listExtensions', { status: 'pending' }) });
  const decide = useDecideExtension();
  const [rejecting, setRejecting] = useState<ExtensionRequest | null>(null);

  const columns: TableColumnsType<ExtensionRequest> = [
    { title: t('ui.extensions.col.customer'), dataIndex: 'customerName' },
    { title: t('ui.extensions.col.requestedBy'), dataIndex: 'requestedBy' },
    { title: t('ui.extensions.col.reason'), dataIndex: 'reason' },
    { title: t('ui.extensions.col.protectedUntil'), dataIndex: 'protectedUntil' },
    { title: t('ui.extensions.col.used'), dataIndex: 'extensionsUsed', align: 'right' },
    { title: t('ui.extensions.col.requestedAt'), dataIndex: 'createdAt', render: (_, r) => localDateTime(r.createdAt) },
    {
      title: t('ui.common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={0}>
          <Popconfirm
            title={t('ui.extensions.approveConfirm', { name: r.customerName })}
            okText={t('ui.extensions.approve')}
            okButtonProps={testIdProps(`extension-approve-confirm-${r.id}`)}
            onConfirm={() => decide.mutate({ requestId: r.id, approve: true })}
          >
            <Button type="link" size="small" data-testid={`extension-approve-${r.id}`}>
              {t('ui.extensions.approve')}
            </Button>
          </Popconfirm>
          <Button type="link" size="small" danger onClick={() => setRejecting(r)} data-testid={`extension-reject-${r.id}`}>
            {t('ui.extensions.reject')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('ui.extensions.title')} data-testid="extensions-panel">
      <ErrorAlert error={requests.error} testId="extensions-error" />
      <Table<ExtensionRequest> rowKey="id" columns={columns} dataSource={requests.data} loading={requests.isPending} pagination={false} size="middle" />
      {rejecting && <RejectExtensionModal request={rejecting} onClose={() => setRejecting(null)} />}
    </Card>
  );
}
