import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, type FormInstance, Input } from 'antd';
import { phoneSchema } from '../../../src-shared/domain/fields';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import type { FormValues } from './form-values';

/** As many as the contract takes. */
const maxPhones = 5;

/**
 * One or more phone numbers. A blank row is simply not sent; at least one phone or an email is
 * required, the same rule the main process applies to the whole form.
 */
export function PhoneList({ form }: { form: FormInstance<FormValues> }) {
  const t = useT();
  const phoneRule = zodRule(phoneSchema.optional(), t);
  const contactRule = {
    validator: async (_rule: unknown, phones: string[] | undefined) => {
      const hasPhone = (phones ?? []).some((p) => p?.trim());
      if (!hasPhone && !form.getFieldValue('email')?.trim()) throw new Error(t('v.contactRequired'));
    },
  };
  return (
    <Form.List name="phones" rules={[contactRule]}>
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('ui.reg.phones')} required>
          <Flex vertical gap={8} data-testid="reg-phones">
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={field.name} rules={[phoneRule]} style={{ flex: 1, marginBottom: 0 }}>
                  <Input placeholder={t('ui.reg.phonePlaceholder')} autoComplete="off" inputMode="tel" data-testid={`reg-phone-${index}`} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('ui.reg.removePhone')}
                    title={t('ui.reg.removePhone')}
                    onClick={() => remove(field.name)}
                    data-testid={`reg-phone-remove-${index}`}
                  />
                )}
              </Flex>
            ))}
            {fields.length < maxPhones && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'start' }} data-testid="reg-phone-add">
                {t('ui.reg.addPhone')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
