import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { registrationFieldsSchema, stages } from '../../../src-shared/contract';
import { closeDateSchema, countCharacters, minNeedCharacters, parseYuan } from '../../../src-shared/domain/fields';
import { zodRule } from '../../forms/zod-rule';
import { useLanguage, useT } from '../../i18n/LanguageProvider';
import { CloseDatePicker } from './CloseDatePicker';
import { formatWan } from './format';

const rules = registrationFieldsSchema.shape;

/** The live count toward the 15 characters a specific need takes, counted as the server counts. */
function NeedCount() {
  const t = useT();
  const count = countCharacters(Form.useWatch('needDescription') ?? '');
  return (
    <Typography.Text type={count >= minNeedCharacters ? 'success' : 'secondary'} data-testid="reg-need-count">
      {t('ui.reg.needCount', { count, min: minNeedCharacters })}
    </Typography.Text>
  );
}

/** The budget in 万元 as it is usually spoken of, once the amount reads as one. */
function BudgetHint() {
  const t = useT();
  const { language } = useLanguage();
  const typed: string = Form.useWatch('budget') ?? '';
  const yuan = typed.trim() ? parseYuan(typed) : null;
  if (!yuan) return null;
  return <span data-testid="reg-budget-hint">{t('ui.reg.budgetHint', { amount: formatWan(yuan, language) })}</span>;
}

/** What the opportunity is: the need, its money and timing, and where it stands. */
export function DealFields({ today }: { today: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name="needDescription" label={t('ui.reg.needDescription')} required rules={[zodRule(rules.needDescription, t)]} extra={<NeedCount />}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder={t('ui.reg.needPlaceholder')} data-testid="reg-need" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="budget" label={t('ui.reg.budget')} required rules={[zodRule(rules.budget, t)]} extra={<BudgetHint />}>
            <Input autoComplete="off" inputMode="decimal" placeholder={t('ui.reg.budgetPlaceholder')} data-testid="reg-budget" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="expectedCloseDate" label={t('ui.reg.expectedCloseDate')} required rules={[zodRule(closeDateSchema(today), t)]}>
            <CloseDatePicker today={today} testId="reg-close-date" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="stage" label={t('ui.reg.stage')} required rules={[zodRule(rules.stage, t)]}>
            <Select
              data-testid="reg-stage"
              options={stages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
              optionRender={(option) => <span data-testid={`reg-stage-option-${String(option.value)}`}>{option.label}</span>}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="sourceChannel" label={t('ui.reg.sourceChannel')} rules={[zodRule(rules.sourceChannel, t)]}>
            <Input autoComplete="off" maxLength={50} placeholder={t('ui.reg.sourceChannelPlaceholder')} data-testid="reg-source-channel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="productLine" label={t('ui.reg.productLine')} rules={[zodRule(rules.productLine, t)]}>
            <Input autoComplete="off" maxLength={50} data-testid="reg-product-line" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
