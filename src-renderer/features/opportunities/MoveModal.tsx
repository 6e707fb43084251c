import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, type FormInstance, Input, Modal, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Registration, type Stage, stages } from '../../../src-shared/contract';
import { wonDetailsSchema } from '../../../src-shared/contract/followups';
import { isApiError } from '../../api/api-error';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { zodRule } from '../../forms/zod-rule';
import { useT } from '../../i18n/LanguageProvider';
import { FormFooter } from '../users/FormFooter';
import { CloseDatePicker } from '../registration/CloseDatePicker';
import { localToday } from '../registration/format';
import { opportunityKeys } from './query-keys';

export type MoveKind = 'stage' | 'won' | 'lost' | 'closeDate';

interface MoveValues {
  stage?: Stage;
  finalAmount?: string;
  wonDate?: Dayjs | null;
  reason?: string;
  comment?: string;
  expectedCloseDate?: string;
}

const formFields = ['stage', 'finalAmount', 'wonDate', 'reason', 'comment', 'expectedCloseDate'] as const;

/** A VALIDATION answer's issues onto the fields they name (`won.wonDate` is this form's `wonDate`; `won` alone its amount). */
function showIssues(form: FormInstance<MoveValues>, error: unknown): void {
  if (!isApiError(error)) return;
  const issues = error.shape.details?.issues ?? [];
  const isField = (name: string | undefined): name is (typeof formFields)[number] => formFields.some((f) => f === name);
  const named = issues.flatMap((issue) => {
    const path = issue.path.map(String);
    const field = path.length === 1 && path[0] === 'won' ? 'finalAmount' : path[path.length - 1];
    return isField(field) ? [{ name: field, errors: [issue.message] }] : [];
  });
  form.setFields(named);
}

function useLostReasons(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: opportunityKeys.officeSettings, queryFn: () => api.call('office.settings', {}), enabled, select: (d) => d.settings.lostReasons });
}

/** The final amount and signing date of a win: what 合同签订 and 赢单 both ask for. */
function WonFields({ today }: { today: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name="finalAmount" label={t('ui.move.finalAmount')} required rules={[zodRule(wonDetailsSchema.shape.finalAmount, t)]}>
        <Input autoComplete="off" inputMode="decimal" placeholder={t('ui.move.finalAmountPlaceholder')} data-testid="move-final-amount" />
      </Form.Item>
      <Form.Item name="wonDate" label={t('ui.move.wonDate')} required rules={[{ required: true, message: t('v.required') }]}>
        <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.format('YYYY-MM-DD') > today} style={{ width: '100%' }} data-testid="move-won-date" />
      </Form.Item>
    </>
  );
}

/**
 * One move of an open opportunity, as of the version shown: another stage (合同签订 asks for the win's
 * details), won, lost with one of the office's reasons, or a new expected close date. A STALE answer
 * offers to reload the opportunity; what was typed stays, and confirming again uses the new version.
 */
export function MoveModal({ kind, registration: r, onClose, reload }: { kind: MoveKind; registration: Registration; onClose(): void; reload(): Promise<unknown> }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MoveValues>();
  const [reloading, setReloading] = useState(false);
  const today = localToday();
  const lostReasons = useLostReasons(kind === 'lost');
  const chosenStage = Form.useWatch('stage', form);

  const move = useMutation({
    mutationFn: async (v: MoveValues) => {
      const at = { id: r.id, version: r.version };
      const won = () => ({ finalAmount: v.finalAmount ?? '', wonDate: v.wonDate ? v.wonDate.format('YYYY-MM-DD') : '' });
      switch (kind) {
        case 'stage':
          return api.call('registrations.changeStage', { ...at, stage: v.stage as Stage, ...(v.stage === 'contract_signed' ? { won: won() } : {}) });
        case 'won':
          return api.call('registrations.markWon', { ...at, ...won() });
        case 'lost':
          return api.call('registrations.markLost', { ...at, reason: v.reason ?? '', ...(v.comment?.trim() ? { comment: v.comment } : {}) });
        case 'closeDate':
          return api.call('registrations.changeCloseDate', { ...at, expectedCloseDate: v.expectedCloseDate ?? '', ...(v.reason?.trim() ? { reason: v.reason } : {}) });
      }
    },
    onSuccess: (saved, v) => {
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      const done =
        kind === 'stage'
          ? saved.status === 'won'
            ? t('ui.move.won')
            : t('ui.move.staged', { stage: t(`stage.${saved.stage}`) })
          : kind === 'won'
            ? t('ui.move.won')
            : kind === 'lost'
              ? t('ui.move.lost')
              : t('ui.move.closeDateChanged', { date: v.expectedCloseDate ?? '' });
      void message.success(done);
      onClose();
    },
    onError: (error) => showIssues(form, error),
  });
  const stale = isApiError(move.error) && move.error.code === 'STALE';
  const onReload = async () => {
    setReloading(true);
    try {
      await reload();
      move.reset();
      void message.info(t('ui.stale.reloaded'));
    } finally {
      setReloading(false);
    }
  };

  const titles: Record<MoveKind, string> = {
    stage: t('ui.move.stageTitle', { name: r.customerName }),
    won: t('ui.move.wonTitle', { name: r.customerName }),
    lost: t('ui.move.lostTitle', { name: r.customerName }),
    closeDate: t('ui.move.closeDateTitle', { name: r.customerName }),
  };
  const initialValues: MoveValues = {
    stage: kind === 'stage' ? stages.find((s) => s !== r.stage && stages.indexOf(s) > stages.indexOf(r.stage)) : undefined,
    finalAmount: r.budget === null ? undefined : String(r.budget),
    wonDate: dayjs(today),
  };

  return (
    <Modal open title={titles[kind]} footer={null} onCancel={onClose} destroyOnHidden data-testid={`move-modal-${kind}`}>
      <Form<MoveValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => !move.isPending && move.mutate(values)}>
        {kind === 'stage' && (
          <>
            <Typography.Paragraph type="secondary">{t('ui.move.currentStage', { stage: t(`stage.${r.stage}`) })}</Typography.Paragraph>
            <Form.Item name="stage" label={t('ui.move.stage')} required rules={[{ required: true, message: t('v.stage') }]}>
              <Radio.Group>
                <Space orientation="vertical">
                  {stages.map((s) => (
                    <Radio key={s} value={s} disabled={s === r.stage}>
                      <span data-testid={`move-stage-${s}`}>{t(`stage.${s}`)}</span>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            {chosenStage === 'contract_signed' && (
              <>
                <Alert type="info" showIcon title={t('ui.move.wonHint')} style={{ marginBottom: 16 }} />
                <WonFields today={today} />
              </>
            )}
          </>
        )}
        {kind === 'won' && <WonFields today={today} />}
        {kind === 'lost' && (
          <>
            <Form.Item name="reason" label={t('ui.move.lostReason')} required rules={[{ required: true, message: t('v.lostReason') }]}>
              <Radio.Group>
                <Space orientation="vertical">
                  {(lostReasons.data ?? []).map((reason, index) => (
                    <Radio key={reason} value={reason}>
                      <span data-testid={`move-lost-reason-${index}`}>{reason}</span>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <ErrorAlert error={lostReasons.error} testId="move-lost-reasons-error" />
            <Form.Item name="comment" label={t('ui.move.lostComment')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="move-lost-comment" />
            </Form.Item>
          </>
        )}
        {kind === 'closeDate' && (
          <>
            <Typography.Paragraph type="secondary">{t('ui.move.closeDateCurrent', { date: r.expectedCloseDate ?? '—' })}</Typography.Paragraph>
            <Form.Item name="expectedCloseDate" label={t('ui.move.closeDate')} required rules={[{ required: true, message: t('v.required') }]}>
              <CloseDatePicker today={today} testId="move-close-date" />
            </Form.Item>
            <Form.Item name="reason" label={t('ui.move.closeDateReason')}>
              <Input autoComplete="off" maxLength={500} data-testid="move-close-date-reason" />
            </Form.Item>
          </>
        )}
        {stale ? (
          <Alert
            type="warning"
            showIcon
            title={<span data-testid="move-stale">{t('ui.move.staleHint')}</span>}
            action={
              <Button size="small" loading={reloading} onClick={() => void onReload()} data-testid="move-reload">
                {t('ui.common.reload')}
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        ) : (
          <ErrorAlert error={move.error} testId="move-error" />
        )}
        <FormFooter onCancel={onClose} submitting={move.isPending} submitLabel={t('ui.move.submit')} testId="move-submit" />
      </Form>
    </Modal>
  );
}
