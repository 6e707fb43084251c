import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { type InputOf, newUserSchema } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { showFieldIssues } from '../../forms/errors';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import { FormFooter } from './FormFooter';
import { RoleSelect } from './RoleSelect';

type NewUser = InputOf<'users.create'>;
const fields = newUserSchema.shape;

export function AddUserModal({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewUser>();
  const create = useMutation({
    mutationFn: (values: NewUser) => api.call('users.create', values),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void message.success(t('ui.users.added', { name: user.displayName }));
      onClose();
    },
    onError: (error) => showFieldIssues(form, error, Object.keys(fields)),
  });

  return (
    <Modal open title={t('ui.users.addTitle')} footer={null} onCancel={onClose}>
      <Form<NewUser> form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item name="username" label={t('ui.user.username')} required rules={[zodRule(fields.username, t)]}>
          <Input autoFocus autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('ui.user.displayName')} required rules={[zodRule(fields.displayName, t)]}>
          <Input autoComplete="off" data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('ui.user.role')} required rules={[zodRule(fields.role, t)]}>
          <RoleSelect testId="user-form-role" />
        </Form.Item>
        <Form.Item name="password" label={t('ui.user.initialPassword')} required rules={[zodRule(fields.password, t)]}>
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
        <ErrorAlert error={create.error} testId="user-form-error" />
        <FormFooter onCancel={onClose} submitting={create.isPending} submitLabel={t('ui.users.add')} testId="user-form-submit" />
      </Form>
    </Modal>
  );
}
