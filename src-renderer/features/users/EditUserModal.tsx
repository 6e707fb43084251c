import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type InputOf, type User, newUserSchema } from '../../../src-shared/contract';
import { isApiError } from '../../api/api-error';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { showFieldIssues } from '../../forms/errors';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import { FormFooter } from './FormFooter';
import { RoleSelect } from './RoleSelect';

type EditValues = Required<Pick<InputOf<'users.update'>, 'displayName' | 'role'>>;
const fields = newUserSchema.shape;

/**
 * Changes a user's display name and role. The save names the version the form was opened on, so a
 * change made meanwhile elsewhere fails with STALE; reloading takes the new version and keeps the
 * values typed here.
 */
export function EditUserModal({ user, reload, onClose }: { user: User; reload: () => Promise<User | undefined>; onClose: () => void }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const [version, setVersion] = useState(user.version);
  const update = useMutation({
    mutationFn: (values: EditValues) => api.call('users.update', { id: user.id, version, ...values }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void message.success(t('ui.common.saved'));
      onClose();
    },
    onError: (error) => showFieldIssues(form, error, ['displayName', 'role']),
  });
  const stale = isApiError(update.error) && update.error.code === 'STALE';

  const reloadKeepingInput = async () => {
    const fresh = await reload();
    if (!fresh) return;
    setVersion(fresh.version);
    update.reset();
    void message.info(t('ui.stale.reloaded'));
  };

  return (
    <Modal open title={t('ui.users.editTitle', { name: user.username })} footer={null} onCancel={onClose}>
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{ displayName: user.displayName, role: user.role }}
        onFinish={(values) => update.mutate(values)}
      >
        <Form.Item name="displayName" label={t('ui.user.displayName')} required rules={[zodRule(fields.displayName, t)]}>
          <Input autoFocus autoComplete="off" data-testid="user-edit-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('ui.user.role')} required rules={[zodRule(fields.role, t)]}>
          <RoleSelect testId="user-edit-role" />
        </Form.Item>
        <ErrorAlert
          error={update.error}
          testId="user-edit-error"
          action={
            stale && (
              <Button size="small" onClick={() => void reloadKeepingInput()} data-testid="user-edit-reload">
                {t('ui.common.reload')}
              </Button>
            )
          }
        />
        <FormFooter onCancel={onClose} submitting={update.isPending} submitLabel={t('ui.common.save')} testId="user-edit-submit" />
      </Form>
    </Modal>
  );
}
