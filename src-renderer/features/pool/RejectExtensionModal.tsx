import { Form, Input, Modal } from 'antd';
import { registrationsContract } from '../../../src-shared/contract';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import { FormFooter } from '../users/FormFooter';
import { type ExtensionRequest, useDecideExtension } from './useDecideExtension';

const reasonSchema = registrationsContract['protection.decideExtension'].input.shape.reason;

/** Rejects an extension request, optionally saying why (the owner is told). */
export function RejectExtensionModal({ request, onClose }: { request: ExtensionRequest; onClose: () => void }) {
  const t = useT();
  const decide = useDecideExtension();
  return (
    <Modal open title={t('ui.extensions.rejectTitle', { name: request.customerName })} footer={null} onCancel={onClose}>
      <Form<{ reason?: string }>
        layout="vertical"
        onFinish={({ reason }) => decide.mutate({ requestId: request.id, approve: false, reason: reason?.trim() || undefined }, { onSuccess: onClose })}
      >
        <Form.Item name="reason" label={t('ui.extensions.rejectReason')} rules={[zodRule(reasonSchema, t)]}>
          <Input autoFocus autoComplete="off" maxLength={1000} data-testid="extension-reject-reason" />
        </Form.Item>
        <FormFooter onCancel={onClose} submitting={decide.isPending} submitLabel={t('ui.extensions.reject')} testId="extension-reject-submit" />
      </Form>
    </Modal>
  );
}
