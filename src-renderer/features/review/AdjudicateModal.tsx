import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Registration } from '../../../src-shared/contract';
import { isApiError } from '../../api/api-error';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { showFieldIssues } from '../../forms/errors';
import { useT } from '../../i18n/LanguageProvider';
import { FormFooter } from '../users/FormFooter';
import { reviewKeys } from './query-keys';

interface AdjudicateValues {
  otherDecision: 'return' | 'reject';
  reason: string;
}

/**
 * Decides a conflict: `keep` keeps (or gets) the protection; `other` is returned or rejected, and its
 * owner is sent the reason.
 */
export function AdjudicateModal({ keep, other, onClose, onDone }: { keep: Registration; other: Registration; onClose: () => void; onDone: () => void }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AdjudicateValues>();
  const adjudicate = useMutation({
    mutationFn: (values: AdjudicateValues) => api.call('review.adjudicate', { keepId: keep.id, otherId: other.id, ...values }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.pendingCount });
      void message.success(t('ui.review.adjudicate.done', { owner: keep.ownerName }));
      onDone();
    },
    onError: (error) => showFieldIssues(form, error, ['reason']),
  });
  const fieldError = isApiError(adjudicate.error) && adjudicate.error.code === 'VALIDATION';

  return (
    <Modal open title={t('ui.review.adjudicate.title')} footer={null} onCancel={onClose}>
      <Typography.Paragraph data-testid="adjudicate-summary">
        {t('ui.review.adjudicate.summary', { keepId: keep.id, keepOwner: keep.ownerName, otherId: other.id, otherOwner: other.ownerName })}
      </Typography.Paragraph>
      <Form<AdjudicateValues> form={form} layout="vertical" initialValues={{ otherDecision: 'reject', reason: '' }} onFinish={(values) => adjudicate.mutate(values)}>
        <Form.Item name="otherDecision" label={t('ui.review.adjudicate.otherFate', { id: other.id })}>
          <Radio.Group>
            <Radio value="reject">
              <span data-testid="adjudicate-reject">{t('decision.reject')}</span>
            </Radio>
            <Radio value="return">
              <span data-testid="adjudicate-return">{t('decision.return')}</span>
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label={t('ui.review.adjudicate.reason')} required>
          <Input.TextArea rows={3} maxLength={1000} autoFocus data-testid="adjudicate-reason" />
        </Form.Item>
        {!fieldError && <ErrorAlert error={adjudicate.error} testId="adjudicate-error" />}
        <FormFooter onCancel={onClose} submitting={adjudicate.isPending} submitLabel={t('ui.review.adjudicate.submit')} testId="adjudicate-submit" />
      </Form>
    </Modal>
  );
}
