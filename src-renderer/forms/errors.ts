import type { FormInstance } from 'antd';
import { isMessageKey } from '../../src-shared/i18n';
import { isApiError } from '../api/api-error';
import type { Translate } from '../i18n/LanguageProvider';

/**
 * What to tell the user about a failure: the server's message, already in their language; errors the
 * client made itself carry a `ui.` key instead; anything else is a bug, worded as one.
 */
export function errorText(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t('error.INTERNAL');
  const { key, message } = error.shape;
  return key.startsWith('ui.') && isMessageKey(key) ? t(key) : message;
}

/** Puts a VALIDATION error's field issues onto the form fields they name; other errors leave the form alone. */
export function showFieldIssues(form: FormInstance, error: unknown, fields: readonly string[]): void {
  if (!isApiError(error)) return;
  const issues = error.shape.details?.issues ?? [];
  form.setFields(
    issues
      .filter((issue) => fields.includes(String(issue.path[0])))
      .map((issue) => ({ name: issue.path, errors: [issue.message] })),
  );
}
