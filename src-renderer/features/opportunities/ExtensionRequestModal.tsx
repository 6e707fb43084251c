import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { type Registration, registrationsContract } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { showFieldIssues } from '../../forms/errors';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import { FormFooter } from '../users/FormFooter';
import { registrationKeys } from '../registration/query-keys';

const reasonSchema = registrationsContract['protection.requestExtension'].input.shape.reason;

/** Asks a reviewer to extend the protection of an approved registration, with a reason. */
export function ExtensionRequestModal({ registration, onClose }: { registration: Registration; onClose: () => void }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const request = useMutation({
    mutationFn: ({ reason }: { reason: string }) => api.call('protection.requestExtension', { registrationId: registration.id, reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registrationKeys.extensions });
      void message.success(t('ui.opps.extendRequested'));
      onClose();
    },
    onError: (error) => showFieldIssues(form, error, ['reason']),
  });
  return (
    <Modal open title={t('ui.opps.extendTitle', { name: registration.customerName })} footer={null} onCancel={onClose}>
      {registration.protectedUntil && (
        <Typography.Paragraph type="secondary">{t('ui.opps.extendUntil', { until: registration.protectedUntil })}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(values) => request.mutate(values)}>
        <Form.Item name="reason" label={t('ui.opps.extendReason')} required rules={[zodRule(reasonSchema, t)]}>
          <Input autoFocus autoComplete="off" maxLength={1000} data-testid="extension-reason" />
        </Form.Item>
        <ErrorAlert error={request.error} testId="extension-error" />
        <FormFooter onCancel={onClose} submitting={request.isPending} submitLabel={t('ui.opps.extendSubmit')} testId="extension-submit" />
      </Form>
    </Modal>
  );
}
