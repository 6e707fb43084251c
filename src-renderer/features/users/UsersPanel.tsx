import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import type { SessionUser, User } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { AddUserModal } from './AddUserModal';
import { EditUserModal } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { useSetActive } from './useSetActive';

type Dialog = { kind: 'add' } | { kind: 'edit' | 'resetPassword'; userId: number };

/** The administrator's list of users, with adding, editing, deactivating and password resets. */
export function UsersPanel({ me }: { me: SessionUser }) {
  const api = useApi();
  const t = useT();
  const users = useQuery({ queryKey: queryKeys.users, queryFn: () => api.call('users.list', {}) });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const reload = async () => (await users.refetch()).data;
  const setActive = useSetActive(reload);
  const close = () => setDialog(null);
  const dialogUser = dialog && dialog.kind !== 'add' ? users.data?.find((u) => u.id === dialog.userId) : undefined;

  const columns: TableColumnsType<User> = [
    { title: t('ui.user.username'), dataIndex: 'username' },
    { title: t('ui.user.displayName'), dataIndex: 'displayName' },
    { title: t('ui.user.role'), dataIndex: 'role', render: (_, user) => t(`role.${user.role}`) },
    {
      title: t('ui.user.status'),
      dataIndex: 'active',
      render: (_, user) => (user.active ? <Tag color="success">{t('ui.user.active')}</Tag> : <Tag>{t('ui.user.inactive')}</Tag>),
    },
    {
      title: t('ui.common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', userId: user.id })} data-testid={`user-edit-${user.username}`}>
            {t('ui.common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => setDialog({ kind: 'resetPassword', userId: user.id })}
            data-testid={`user-reset-password-${user.username}`}
          >
            {t('ui.users.resetPassword')}
          </Button>
          {user.active ? (
            <Popconfirm
              title={t('ui.users.deactivateConfirm', { name: user.displayName })}
              okText={t('ui.users.deactivate')}
              onConfirm={() => setActive.mutate({ user, active: false })}
            >
              {/* Nobody deactivates themselves; the main process refuses it too. */}
              <Button type="link" size="small" danger disabled={user.id === me.id} data-testid={`user-deactivate-${user.username}`}>
                {t('ui.users.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => setActive.mutate({ user, active: true })} data-testid={`user-reactivate-${user.username}`}>
              {t('ui.users.reactivate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('ui.users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })} data-testid="users-add">
          {t('ui.users.add')}
        </Button>
      }
    >
      <ErrorAlert error={users.error} testId="users-error" />
      <div data-testid="users-table">
        <Table<User> rowKey="id" columns={columns} dataSource={users.data} loading={users.isPending} pagination={false} size="middle" />
      </div>
      {dialog?.kind === 'add' && <AddUserModal onClose={close} />}
      {dialog?.kind === 'edit' && dialogUser && <EditUserModal user={dialogUser} reload={async () => (await reload())?.find((u) => u.id === dialogUser.id)} onClose={close} />}
      {dialog?.kind === 'resetPassword' && dialogUser && <ResetPasswordModal user={dialogUser} onClose={close} />}
    </Card>
  );
}
