import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Flex, Input, Radio, Tag, Typography } from 'antd';
import { type Criterion, criteria } from '../../../src-shared/domain/review/checks';
import { isMessageKey } from '../../../src-shared/i18n';
import { useT } from '../../i18n/LanguageProvider';
import { type CheckResult, type ChecklistState, isOverride } from './checklist-state';

interface ChecklistProps {
  checks: readonly CheckResult[];
  value: ChecklistState;
  onChange: (next: ChecklistState) => void;
  /** The server's issue on an item's comment (an override without one), by criterion. */
  issues: Partial<Record<Criterion, string>>;
  disabled?: boolean;
}

/**
 * The seed's five criteria, each pre-filled by its automatic check with the reasons as sentences. The
 * reviewer confirms or overrides each; an override asks for the reason, which the server requires.
 */
export function Checklist({ checks, value, onChange, issues, disabled = false }: ChecklistProps) {
  const t = useT();
  const update = (criterion: Criterion, change: Partial<ChecklistState[Criterion]>) => onChange({ ...value, [criterion]: { ...value[criterion], ...change } });

  return (
    <Flex vertical gap={12} data-testid="checklist">
      {criteria.map((criterion) => {
        const check = checks.find((c) => c.criterion === criterion);
        const entry = value[criterion];
        const overridden = isOverride(check, entry);
        const issue = issues[criterion];
        return (
          <div key={criterion} data-testid={`checklist-item-${criterion}`} data-overridden={overridden}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text strong>{t(`criterion.${criterion}`)}</Typography.Text>
              <Radio.Group
                optionType="button"
                size="small"
                disabled={disabled}
                value={entry.passed ? 'pass' : 'fail'}
                onChange={(e) => update(criterion, { passed: e.target.value === 'pass' })}
              >
                <Radio.Button value="pass">
                  <span data-testid={`checklist-pass-${criterion}`}>{t('ui.review.checklist.pass')}</span>
                </Radio.Button>
                <Radio.Button value="fail">
                  <span data-testid={`checklist-fail-${criterion}`}>{t('ui.review.checklist.fail')}</span>
                </Radio.Button>
              </Radio.Group>
            </Flex>
            {check && <AutomaticVerdict check={check} />}
            {overridden && (
              <Flex vertical gap={4} style={{ marginTop: 6 }}>
                <Tag color="warning" style={{ alignSelf: 'flex-start' }}>
                  {t('ui.review.checklist.overridden')}
                </Tag>
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  disabled={disabled}
                  status={issue ? 'error' : undefined}
                  placeholder={t('ui.review.checklist.commentPlaceholder')}
                  value={entry.comment}
                  onChange={(e) => update(criterion, { comment: e.target.value })}
                  data-testid={`checklist-comment-${criterion}`}
                />
                {issue && (
                  <Typography.Text type="danger" data-testid={`checklist-comment-error-${criterion}`}>
                    {issue}
                  </Typography.Text>
                )}
              </Flex>
            )}
          </div>
        );
      })}
    </Flex>
  );
}

/** What the automatic check found, with its reasons as sentences. */
function AutomaticVerdict({ check }: { check: CheckResult }) {
  const t = useT();
  return (
    <Flex vertical gap={2} style={{ marginTop: 4 }} data-testid={`checklist-auto-${check.criterion}`}>
      <Typography.Text type={check.passed ? 'success' : 'danger'}>
        {check.passed ? <CheckCircleFilled /> : <CloseCircleFilled />}{' '}
        {t(check.passed ? 'ui.review.checklist.autoPassed' : 'ui.review.checklist.autoFailed')}
      </Typography.Text>
      {check.reasons.map((reason) => (
        <Typography.Text key={reason.key} type="secondary">
          · {isMessageKey(reason.key) ? t(reason.key, reason.params) : reason.key}
        </Typography.Text>
      ))}
    </Flex>
  );
}
