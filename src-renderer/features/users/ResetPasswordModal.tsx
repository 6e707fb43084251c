import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { type User, passwordSchema } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { showFieldIssues } from '../../forms/errors';
import { sameAsRule } from '../../forms/password-rules';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import { FormFooter } from './FormFooter';

interface ResetValues {
  password: string;
  password2: string;
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const reset = useMutation({
    mutationFn: ({ password }: ResetValues) => api.call('users.resetPassword', { id: user.id, password }),
    onSuccess: () => {
      void message.success(t('ui.users.passwordReset', { name: user.displayName }));
      onClose();
    },
    onError: (error) => showFieldIssues(form, error, ['password']),
  });

  return (
    <Modal open title={t('ui.users.resetPasswordTitle', { name: user.username })} footer={null} onCancel={onClose}>
      <Form<ResetValues> form={form} layout="vertical" onFinish={(values) => reset.mutate(values)}>
        <Form.Item name="password" label={t('ui.user.newPassword')} required rules={[zodRule(passwordSchema, t)]}>
          <Input.Password autoFocus autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
        <Form.Item name="password2" label={t('ui.user.password2')} required dependencies={['password']} rules={[sameAsRule('password', t)]}>
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
        <ErrorAlert error={reset.error} testId="reset-password-error" />
        <FormFooter onCancel={onClose} submitting={reset.isPending} submitLabel={t('ui.users.resetPassword')} testId="reset-password-submit" />
      </Form>
    </Modal>
  );
}
