import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { contract, type InputOf } from '../../../src-shared/contract';
import { isApiError } from '../../api/api-error';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { errorText, showFieldIssues } from '../../forms/errors';
import { sameAsRule } from '../../forms/password-rules';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import { setSessionUser } from '../auth/session-cache';

type AdminValues = InputOf<'setup.createAdmin'> & { password2: string };
const fields = contract['setup.createAdmin'].input.shape;

export function AdminStep() {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AdminValues>();
  const createAdmin = useMutation({
    mutationFn: ({ username, displayName, password }: AdminValues) => api.call('setup.createAdmin', { username, displayName, password }),
    onSuccess: async ({ user }) => {
      // Creating the administrator also signs them in.
      await setSessionUser(queryClient, user);
      await queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus });
    },
    onError: (error) => {
      showFieldIssues(form, error, Object.keys(fields));
      // Another PC created the administrator first: this one goes on to sign in.
      if (isApiError(error) && error.code === 'CONFLICT') {
        void message.info(errorText(error, t));
        void queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus });
      }
    },
  });

  return (
    <Form<AdminValues> form={form} layout="vertical" onFinish={(values) => createAdmin.mutate(values)}>
      <Form.Item name="username" label={t('ui.user.username')} required rules={[zodRule(fields.username, t)]}>
        <Input autoFocus autoComplete="username" data-testid="wizard-admin-username" />
      </Form.Item>
      <Form.Item name="displayName" label={t('ui.user.displayName')} required rules={[zodRule(fields.displayName, t)]}>
        <Input autoComplete="name" data-testid="wizard-admin-display-name" />
      </Form.Item>
      <Form.Item name="password" label={t('ui.user.password')} required rules={[zodRule(fields.password, t)]}>
        <Input.Password autoComplete="new-password" data-testid="wizard-admin-password" />
      </Form.Item>
      <Form.Item name="password2" label={t('ui.user.password2')} required dependencies={['password']} rules={[sameAsRule('password', t)]}>
        <Input.Password autoComplete="new-password" data-testid="wizard-admin-password2" />
      </Form.Item>
      <ErrorAlert error={createAdmin.error} testId="wizard-error" />
      <Button type="primary" htmlType="submit" loading={createAdmin.isPending} data-testid="wizard-admin-submit">
        {t('ui.wizard.createAdmin')}
      </Button>
    </Form>
  );
}
