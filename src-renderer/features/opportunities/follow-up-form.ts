import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { InputOf } from '../../../src-shared/contract';
import { type FollowUpKind, followUpInputSchema } from '../../../src-shared/contract/followups';
import { addMonths, maxCloseMonthsAhead } from '../../../src-shared/domain/fields';
import type { MessageKey } from '../../../src-shared/i18n';
import { issueKey } from '../../../src-shared/i18n/issue-key';

/** What the follow-up form holds: pickers hold dayjs values, the rest text. */
export interface FollowUpFormValues {
  kind?: FollowUpKind;
  /** Empty: now. */
  happenedAt?: Dayjs | null;
  content?: string;
  outcome?: string;
  nextAction?: string;
  nextDueDate?: Dayjs | null;
}

export type FollowUpInput = InputOf<'followups.add'>;

/** A problem of one form field and the i18n key of what is wrong (the server's own keys). */
export interface FieldProblem {
  name: string[];
  key: MessageKey;
}

/** The form's values as the operation takes them: instants with their offset, dates as YYYY-MM-DD. */
export function followUpInput(values: FollowUpFormValues, registrationId: number): FollowUpInput {
  return {
    registrationId,
    kind: values.kind as FollowUpKind,
    ...(values.happenedAt ? { happenedAt: values.happenedAt.format() } : {}),
    content: values.content ?? '',
    ...(values.outcome?.trim() ? { outcome: values.outcome } : {}),
    ...(values.nextAction?.trim() ? { nextAction: values.nextAction } : {}),
    ...(values.nextDueDate ? { nextDueDate: values.nextDueDate.format('YYYY-MM-DD') } : {}),
  };
}

/** Clocks of two PCs disagree by a few minutes; the server allows as much. */
const clockSkewMs = 5 * 60 * 1000;
const dayMs = 86_400_000;

export interface FollowUpContext {
  registrationId: number;
  /** When the registration was created (UTC ISO): a follow-up cannot be logged a day before it. */
  registrationCreatedAt?: string;
  nowIso: string;
  /** Today on this PC's calendar (YYYY-MM-DD). */
  today: string;
}

type Checked = { ok: true; input: FollowUpInput } | { ok: false; problems: FieldProblem[] };

/**
 * The form checked as the main process checks `followups.add`: the contract's schema, then the rules
 * that need "now" (not in the future, the next date neither past nor beyond 24 months, not before the
 * registration), with the same message keys.
 */
export function checkFollowUp(values: FollowUpFormValues, ctx: FollowUpContext): Checked {
  const input = followUpInput(values, ctx.registrationId);
  const parsed = followUpInputSchema.safeParse(input);
  const problems: FieldProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue: z.core.$ZodIssue) => ({ name: issue.path.map(String), key: issueKey(issue) }));
  const has = (field: string) => problems.some((p) => p.name[0] === field);
  const add = (field: string, key: MessageKey) => !has(field) && problems.push({ name: [field], key });

  // The schema's own check of this pair runs only once every field parses; the form says it at once.
  if (input.nextDueDate && !input.nextAction) add('nextAction', 'v.nextActionRequired');
  if (input.happenedAt) {
    const at = Date.parse(input.happenedAt);
    if (at > Date.parse(ctx.nowIso) + clockSkewMs) add('happenedAt', 'v.happenedAtFuture');
    else if (ctx.registrationCreatedAt && at < Date.parse(ctx.registrationCreatedAt) - dayMs) add('happenedAt', 'v.happenedAtBeforeRegistration');
  }
  if (input.nextDueDate) {
    if (input.nextDueDate < ctx.today) add('nextDueDate', 'v.nextDueDatePast');
    else if (input.nextDueDate > addMonths(ctx.today, maxCloseMonthsAhead)) add('nextDueDate', 'v.nextDueDateTooFar');
  }
  return problems.length === 0 ? { ok: true, input } : { ok: false, problems };
}
