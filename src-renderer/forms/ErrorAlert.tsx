import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/LanguageProvider';
import { errorText } from './errors';

/** A failed call's message above a form's buttons; nothing when there is no error. */
export function ErrorAlert({ error, testId, action }: { error: unknown; testId: string; action?: ReactNode }) {
  const t = useT();
  if (!error) return null;
  return <Alert type="error" showIcon title={<span data-testid={testId}>{errorText(error, t)}</span>} action={action} style={{ marginBottom: 16 }} />;
}
