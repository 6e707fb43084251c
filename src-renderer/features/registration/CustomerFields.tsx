import { AutoComplete, Col, Form, type FormInstance, Input, Radio, Row } from 'antd';
import { customerKinds, registrationFieldsSchema } from '../../../src-shared/contract';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import type { FormValues } from './form-values';
import { PhoneList } from './PhoneList';
import { regionSuggestions } from './region-options';

const rules = registrationFieldsSchema.shape;

/** Who the customer is: the fields the live conflict check compares, plus the contact person. */
export function CustomerFields({ form }: { form: FormInstance<FormValues> }) {
  const t = useT();
  const region = Form.useWatch('region', form) ?? '';
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="customerName" label={t('ui.reg.customerName')} required rules={[zodRule(rules.customerName, t)]}>
            <Input autoFocus autoComplete="off" maxLength={100} placeholder={t('ui.reg.customerNamePlaceholder')} data-testid="reg-customer-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="customerKind" label={t('ui.reg.customerKind')} required>
            <Radio.Group optionType="button" data-testid="reg-customer-kind">
              {customerKinds.map((kind) => (
                <Radio.Button key={kind} value={kind} data-testid={`reg-customer-kind-${kind}`}>
                  {t(`customerKind.${kind}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="contactPerson" label={t('ui.reg.contactPerson')} required rules={[zodRule(rules.contactPerson, t)]}>
            <Input autoComplete="off" maxLength={50} data-testid="reg-contact-person" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="region" label={t('ui.reg.region')} rules={[zodRule(rules.region, t)]}>
            <AutoComplete options={regionSuggestions(region)}>
              <Input autoComplete="off" maxLength={50} placeholder={t('ui.reg.regionPlaceholder')} data-testid="reg-region" />
            </AutoComplete>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <PhoneList form={form} />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('ui.reg.email')} rules={[zodRule(rules.email, t)]}>
            <Input autoComplete="off" inputMode="email" maxLength={200} data-testid="reg-email" />
          </Form.Item>
          <Form.Item name="uscc" label={t('ui.reg.uscc')} rules={[zodRule(rules.uscc, t)]}>
            <Input autoComplete="off" maxLength={30} placeholder={t('ui.reg.usccPlaceholder')} data-testid="reg-uscc" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
