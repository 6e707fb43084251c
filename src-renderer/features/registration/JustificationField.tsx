import { Form, Input } from 'antd';
import { registrationsContract } from '../../../src-shared/contract';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';

const justificationSchema = registrationsContract['registrations.submit'].input.shape.conflictJustification;

/**
 * Why the salesperson should have a customer a colleague already holds. Asked only when a match is a
 * `block`; the registration then goes to a reviewer's adjudication.
 */
export function JustificationField() {
  const t = useT();
  const required = {
    validator: async (_rule: unknown, value: string | undefined) => {
      if (!value?.trim()) throw new Error(t('v.justification'));
    },
  };
  return (
    <Form.Item name="conflictJustification" label={t('ui.reg.justification')} required rules={[required, zodRule(justificationSchema, t)]}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder={t('ui.reg.justificationPlaceholder')} data-testid="reg-justification" />
    </Form.Item>
  );
}
