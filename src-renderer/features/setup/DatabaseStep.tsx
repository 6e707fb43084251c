import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Radio, Space, Typography } from 'antd';
import { contract, type InputOf, type OutputOf } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { showFieldIssues } from '../../forms/errors';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';

type DatabaseChoice = InputOf<'setup.useDatabase'>;
type Mode = DatabaseChoice['mode'];
const pathSchema = contract['setup.useDatabase'].input.shape.path.unwrap();

export function DatabaseStep({ status }: { status: OutputOf<'setup.status'> }) {
  const api = useApi();
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DatabaseChoice>();
  const defaultMode: Mode = status.defaultLocalPath ? 'createLocal' : 'create';
  const mode = Form.useWatch('mode', form) ?? defaultMode;

  const useDatabase = useMutation({
    mutationFn: ({ mode: chosen, path }: DatabaseChoice) =>
      api.call('setup.useDatabase', chosen === 'createLocal' ? { mode: chosen } : { mode: chosen, path }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus }),
    onError: (error) => showFieldIssues(form, error, ['path']),
  });
  const browse = useMutation({
    mutationFn: () => api.call('setup.browse', { kind: mode === 'open' ? 'open' : 'create' }),
    onSuccess: ({ path }) => {
      if (path) form.setFields([{ name: 'path', value: path, errors: [] }]);
    },
  });

  const choices: { mode: Mode; description: string; disabled?: boolean }[] = [
    {
      mode: 'createLocal',
      description: status.defaultLocalPath ? t('ui.wizard.createLocalHint', { path: status.defaultLocalPath }) : t('ui.wizard.createLocalUnavailable'),
      disabled: !status.defaultLocalPath,
    },
    { mode: 'create', description: t('ui.wizard.createHint') },
    { mode: 'open', description: t('ui.wizard.openHint') },
  ];

  return (
    <Form<DatabaseChoice> form={form} layout="vertical" initialValues={{ mode: defaultMode }} onFinish={(values) => useDatabase.mutate(values)}>
      <Form.Item name="mode">
        <Radio.Group style={{ width: '100%' }}>
          <Flex vertical gap={12}>
            {choices.map((choice) => (
              <Radio key={choice.mode} value={choice.mode} disabled={choice.disabled} data-testid={`wizard-db-mode-${choice.mode}`}>
                <div>{t(`ui.wizard.mode.${choice.mode}`)}</div>
                <Typography.Text type="secondary">{choice.description}</Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      {mode !== 'createLocal' && (
        <Form.Item label={t('ui.wizard.path')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="path" noStyle rules={[zodRule(pathSchema, t)]}>
              <Input autoFocus placeholder={t('ui.wizard.pathPlaceholder')} data-testid="wizard-db-path" />
            </Form.Item>
            {status.canChooseDatabase && (
              <Button onClick={() => browse.mutate()} loading={browse.isPending} data-testid="wizard-db-browse">
                {t('ui.wizard.browse')}
              </Button>
            )}
          </Space.Compact>
        </Form.Item>
      )}
      <ErrorAlert error={useDatabase.error ?? browse.error} testId="wizard-error" />
      <Button type="primary" htmlType="submit" loading={useDatabase.isPending} data-testid="wizard-db-submit">
        {t('ui.common.continue')}
      </Button>
    </Form>
  );
}
