import type { z } from 'zod';
import { type RegistrationDraft, type RegistrationFields, registrationDraftSchema, registrationFieldsSchema } from '../../../src-shared/contract';
import { closeDateSchema } from '../../../src-shared/domain/fields';
import type { MessageKey } from '../../../src-shared/i18n';
import { issueKey } from '../../../src-shared/i18n/issue-key';
import { isApiError } from '../../api/api-error';
import { type FormValues, fieldsOf } from './form-values';

/** A problem of one form field: its name path in the form and the i18n key of what is wrong. */
export interface FieldProblem {
  name: (string | number)[];
  key: MessageKey;
}

type Checked<T> = { ok: true; fields: T } | { ok: false; problems: FieldProblem[] };

const problemsOf = (issues: z.core.$ZodIssue[]): FieldProblem[] =>
  issues.map((issue) => ({ name: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), key: issueKey(issue) }));

/**
 * The form checked as the main process will check a submission: the shared schema of the fields and
 * the close date against today, so the messages are the server's.
 */
export function checkForSubmit(values: FormValues, today: string): Checked<RegistrationFields> {
  const input = fieldsOf(values);
  const parsed = registrationFieldsSchema.safeParse(input);
  const date = closeDateSchema(today).safeParse(input.expectedCloseDate);
  const problems = [
    ...(parsed.success ? [] : problemsOf(parsed.error.issues)),
    // The schema already reports a missing or malformed date; today's range is the extra check.
    ...(date.success || !parsed.success ? [] : problemsOf(date.error.issues).map((p) => ({ ...p, name: ['expectedCloseDate'] }))),
  ];
  return parsed.success && problems.length === 0 ? { ok: true, fields: parsed.data } : { ok: false, problems };
}

/** A draft may be incomplete, but what it holds must already be well-formed. */
export function checkForDraft(values: FormValues): Checked<RegistrationDraft> {
  const parsed = registrationDraftSchema.safeParse(fieldsOf(values));
  return parsed.success ? { ok: true, fields: parsed.data } : { ok: false, problems: problemsOf(parsed.error.issues) };
}

/**
 * The field issues of a VALIDATION error, as form names: the contract nests the form under `fields`
 * (`fields.budget` → `budget`), the justification sits beside it. Issues naming no form field stay
 * with the error's own message.
 */
export function serverFieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!isApiError(error) || error.code !== 'VALIDATION') return [];
  return (error.shape.details?.issues ?? []).map((issue) => ({
    name: issue.path[0] === 'fields' ? issue.path.slice(1) : issue.path,
    errors: [issue.message],
  }));
}
