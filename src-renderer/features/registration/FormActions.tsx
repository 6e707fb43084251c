import { Button, Flex, Typography } from 'antd';
import type { MessageKey } from '../../../src-shared/i18n';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';

export interface FormActionsProps {
  error: unknown;
  pending: boolean;
  submitLabel: MessageKey;
  submitDisabled: boolean;
  onSubmit(): void;
  /** Absent for a claim from the pool, which is submitted at once. */
  onSaveDraft?: (() => void) | undefined;
  /** Offered after STALE: take the current version, keep what was typed. */
  onReload?: (() => void) | undefined;
}

/** The last save's failure, and the buttons: submit (also Ctrl+Enter) and save as draft. */
export function FormActions({ error, pending, submitLabel, submitDisabled, onSubmit, onSaveDraft, onReload }: FormActionsProps) {
  const t = useT();
  const stale = isApiError(error) && error.code === 'STALE' && onReload;
  return (
    <>
      <ErrorAlert
        error={error}
        testId="reg-error"
        action={
          stale && (
            <Button size="small" onClick={onReload} data-testid="reg-stale-reload">
              {t('ui.common.reload')}
            </Button>
          )
        }
      />
      <Flex gap={8} align="center" wrap>
        <Button type="primary" loading={pending} disabled={submitDisabled} onClick={onSubmit} data-testid="reg-submit">
          {t(submitLabel)}
        </Button>
        {onSaveDraft && (
          <Button disabled={pending} onClick={onSaveDraft} data-testid="reg-save-draft">
            {t('ui.reg.saveDraft')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('ui.reg.shortcutHint')}</Typography.Text>
      </Flex>
    </>
  );
}
