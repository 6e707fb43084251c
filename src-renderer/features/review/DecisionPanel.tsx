import { Button, Flex, type GetRef, Input, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { Decision } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { useShortcuts } from './useShortcuts';

interface DecisionPanelProps {
  reason: string;
  onReasonChange: (reason: string) => void;
  /** The server's issue on the reason (a return or rejection without one). */
  reasonIssue: string | null;
  onDecide: (decision: Decision) => void;
  deciding: Decision | null;
}

/** Letters that decide from the keyboard, shown on the buttons; never while typing in a field. */
const shortcutOf: Record<Decision, string> = { approve: 'a', return: 'r', reject: 'x' };
const decisions: readonly Decision[] = ['approve', 'return', 'reject'];

/**
 * The reason (needed to return or reject; an optional note on an approval) and the three decisions.
 * When the server refuses a reason, the field gets the focus so the reviewer can type it at once.
 */
export function DecisionPanel({ reason, onReasonChange, reasonIssue, onDecide, deciding }: DecisionPanelProps) {
  const t = useT();
  const reasonField = useRef<GetRef<typeof Input.TextArea>>(null);
  useEffect(() => {
    if (reasonIssue) reasonField.current?.focus();
  }, [reasonIssue]);
  useShortcuts(Object.fromEntries(decisions.map((d) => [shortcutOf[d], () => onDecide(d)])), deciding === null);

  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('ui.review.reason')}</Typography.Text>
      <Input.TextArea
        ref={reasonField}
        rows={3}
        maxLength={1000}
        value={reason}
        status={reasonIssue ? 'error' : undefined}
        placeholder={t('ui.review.reasonPlaceholder')}
        onChange={(e) => onReasonChange(e.target.value)}
        data-testid="review-reason"
      />
      {reasonIssue && (
        <Typography.Text type="danger" data-testid="review-reason-error">
          {reasonIssue}
        </Typography.Text>
      )}
      <Space wrap>
        {decisions.map((d) => (
          <Button
            key={d}
            type={d === 'approve' ? 'primary' : 'default'}
            danger={d === 'reject'}
            loading={deciding === d}
            disabled={deciding !== null && deciding !== d}
            onClick={() => onDecide(d)}
            data-testid={`review-${d}`}
          >
            {t(`decision.${d}`)} ({shortcutOf[d].toUpperCase()})
          </Button>
        ))}
      </Space>
      <Typography.Text type="secondary">{t('ui.review.shortcutHint')}</Typography.Text>
    </Flex>
  );
}
