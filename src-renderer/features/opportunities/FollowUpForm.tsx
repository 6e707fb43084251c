import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Flex, Form, Input, Radio, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import type { KeyboardEvent } from 'react';
import type { Registration } from '../../../src-shared/contract';
import { followUpKinds } from '../../../src-shared/contract/followups';
import { addMonths, maxCloseMonthsAhead } from '../../../src-shared/domain/fields';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { showFieldIssues } from '../../forms/errors';
import { useT } from '../../i18n/LanguageProvider';
import { localToday } from '../registration/format';
import { checkFollowUp, type FollowUpFormValues, type FollowUpInput } from './follow-up-form';

const fields = ['kind', 'happenedAt', 'content', 'outcome', 'nextAction', 'nextDueDate'] as const;
const initialValues: FollowUpFormValues = { kind: 'call' };

/**
 * Logs a follow-up: how (电话, 邮件, 拜访…), when (now unless picked), what happened, the outcome and
 * the next action with its due date. Checked as the server checks it; Ctrl+Enter saves from any field,
 * and the form is ready for the next one afterwards.
 */
export function FollowUpForm({ registration }: { registration: Registration }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FollowUpFormValues>();
  const add = useMutation({
    mutationFn: (input: FollowUpInput) => api.call('followups.add', input),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('ui.followUp.saved'));
      // The list's latest activity and next action, 今日待办 and the timeline all move.
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
    },
    onError: (error) => showFieldIssues(form, error, fields),
  });

  const submit = () => {
    if (add.isPending) return;
    const today = localToday();
    const checked = checkFollowUp(form.getFieldsValue(true) as FollowUpFormValues, {
      registrationId: registration.id,
      registrationCreatedAt: registration.createdAt,
      nowIso: new Date().toISOString(),
      today,
    });
    // Every field's earlier message goes; the ones still wrong get theirs.
    form.setFields(fields.map((name) => ({ name, errors: checked.ok ? [] : checked.problems.filter((p) => p.name[0] === name).map((p) => t(p.key)) })));
    if (checked.ok) add.mutate(checked.input);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  const today = localToday();
  const lastDue = addMonths(today, maxCloseMonthsAhead);

  return (
    <Form<FollowUpFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} onKeyDown={onKeyDown} data-testid="followup-form">
      <Row gutter={16}>
        <Col flex="auto">
          <Form.Item name="kind" label={t('ui.followUp.kind')} required>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={followUpKinds.map((kind) => ({ value: kind, label: <span data-testid={`followup-kind-${kind}`}>{t(`followUpKind.${kind}`)}</span> }))}
            />
          </Form.Item>
        </Col>
        <Col flex="220px">
          <Form.Item name="happenedAt" label={t('ui.followUp.happenedAt')}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              placeholder={t('ui.followUp.now')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
              data-testid="followup-happened-at"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label={t('ui.followUp.content')} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('ui.followUp.contentPlaceholder')} data-testid="followup-content" />
      </Form.Item>
      <Form.Item name="outcome" label={t('ui.followUp.outcome')}>
        <Input autoComplete="off" maxLength={1000} placeholder={t('ui.followUp.outcomePlaceholder')} data-testid="followup-outcome" />
      </Form.Item>
      <Row gutter={16}>
        <Col flex="auto">
          <Form.Item name="nextAction" label={t('ui.followUp.nextAction')}>
            <Input autoComplete="off" maxLength={200} placeholder={t('ui.followUp.nextActionPlaceholder')} data-testid="followup-next-action" />
          </Form.Item>
        </Col>
        <Col flex="200px">
          <Form.Item name="nextDueDate" label={t('ui.followUp.nextDueDate')}>
            <DatePicker
              format="YYYY-MM-DD"
              disabledDate={(d) => {
                const day = d.format('YYYY-MM-DD');
                return day < today || day > lastDue;
              }}
              style={{ width: '100%' }}
              data-testid="followup-next-due"
            />
          </Form.Item>
        </Col>
      </Row>
      <ErrorAlert error={add.error} testId="followup-error" />
      <Flex justify="end" align="center" gap="middle">
        <Typography.Text type="secondary">{t('ui.followUp.shortcut')}</Typography.Text>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="followup-submit">
          {t('ui.followUp.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
