import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { Decision } from '../../../src-shared/contract';
import { isApiError } from '../../api/api-error';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { Checklist } from './Checklist';
import { type ChecklistState, checklistInput, initialChecklist } from './checklist-state';
import { decisionIssues } from './decision-issues';
import { DecisionPanel } from './DecisionPanel';
import { reviewKeys } from './query-keys';
import type { ReviewDetail } from './ReviewScreen';

interface ReviewDecisionProps {
  detail: ReviewDetail;
  canDecide: boolean;
  reload: () => Promise<ReviewDetail | undefined>;
  onDone: () => void;
}

/**
 * The checklist and the decision. The version is the one the reviewer read: a refetch by the change
 * feed shows fresh data without moving it, so deciding on something changed meanwhile fails with STALE,
 * and reloading takes the new version while keeping the checklist and the reason as the reviewer left them.
 */
export function ReviewDecision({ detail, canDecide, reload, onDone }: ReviewDecisionProps) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { registration, checks } = detail;
  const [checklist, setChecklist] = useState<ChecklistState>(() => initialChecklist(checks));
  const [reason, setReason] = useState('');
  const [version, setVersion] = useState(registration.version);

  const decide = useMutation({
    mutationFn: (decision: Decision) =>
      api.call('review.decide', { id: registration.id, version, decision, checklist: checklistInput(checklist), ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    onSuccess: (_registration, decision) => {
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.pendingCount });
      void message.success(t(`ui.review.decided.${decision}`));
      onDone();
    },
  });
  const issues = decisionIssues(decide.error);
  const stale = isApiError(decide.error) && decide.error.code === 'STALE';

  const reloadKeepingChecklist = async () => {
    const fresh = await reload();
    if (!fresh) return;
    setVersion(fresh.registration.version);
    decide.reset();
    void message.info(t('ui.stale.reloaded'));
  };

  const anyFailed = Object.values(checklist).some((entry) => !entry.passed);
  return (
    <Flex vertical gap={16}>
      <Checklist checks={checks} value={checklist} onChange={setChecklist} issues={issues.items} disabled={!canDecide} />
      {anyFailed && canDecide && <Typography.Text type="secondary">{t('ui.review.checklist.approveNeedsAll')}</Typography.Text>}
      {issues.list && <Alert type="error" showIcon title={<span data-testid="review-checklist-error">{issues.list}</span>} />}
      {!issues.placed && (
        <ErrorAlert
          error={decide.error}
          testId="review-error"
          action={
            stale && (
              <Button size="small" onClick={() => void reloadKeepingChecklist()} data-testid="review-reload">
                {t('ui.common.reload')}
              </Button>
            )
          }
        />
      )}
      {canDecide && (
        <DecisionPanel
          reason={reason}
          onReasonChange={setReason}
          reasonIssue={issues.reason}
          onDecide={(decision) => decide.mutate(decision)}
          deciding={decide.isPending ? (decide.variables ?? null) : null}
        />
      )}
    </Flex>
  );
}
