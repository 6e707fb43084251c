import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, type InputRef } from 'antd';
import { useRef } from 'react';
import { contract, type InputOf } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { CenteredCard } from '../../components/CenteredCard';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { showFieldIssues } from '../../forms/errors';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import { setSessionUser } from './session-cache';

type SignInValues = InputOf<'auth.signIn'>;
const fields = contract['auth.signIn'].input.shape;

export function SignInPage({ lastUsername }: { lastUsername: string | null }) {
  const api = useApi();
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SignInValues>();
  const passwordRef = useRef<InputRef>(null);
  const signIn = useMutation({
    mutationFn: (values: SignInValues) => api.call('auth.signIn', values),
    onSuccess: ({ user }) => setSessionUser(queryClient, user),
    onError: (error) => {
      showFieldIssues(form, error, Object.keys(fields));
      // A wrong password is typed again from scratch.
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
    },
  });

  return (
    <CenteredCard title={t('ui.signIn.title')}>
      <Form<SignInValues> form={form} layout="vertical" initialValues={{ username: lastUsername ?? '' }} onFinish={(values) => signIn.mutate(values)}>
        <Form.Item name="username" label={t('ui.signIn.username')} rules={[zodRule(fields.username, t)]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!lastUsername} data-testid="signin-username" />
        </Form.Item>
        <Form.Item name="password" label={t('ui.signIn.password')} rules={[zodRule(fields.password, t)]}>
          <Input.Password
            ref={passwordRef}
            prefix={<LockOutlined />}
            autoComplete="current-password"
            autoFocus={!!lastUsername}
            data-testid="signin-password"
          />
        </Form.Item>
        <ErrorAlert error={signIn.error} testId="signin-error" />
        <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="signin-submit">
          {t('ui.signIn.submit')}
        </Button>
      </Form>
    </CenteredCard>
  );
}
