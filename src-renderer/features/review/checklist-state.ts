import type { InputOf, OutputOf } from '../../../src-shared/contract';
import { type Criterion, criteria } from '../../../src-shared/domain/review/checks';
import { isApiError } from '../../api/api-error';

export type CheckResult = OutputOf<'review.detail'>['checks'][number];
export type ChecklistItemInput = InputOf<'review.decide'>['checklist'][number];

/** The reviewer's verdict on one criterion, and why when it differs from the automatic check. */
export interface ChecklistEntry {
  passed: boolean;
  comment: string;
}
export type ChecklistState = Record<Criterion, ChecklistEntry>;

/** Every criterion starts where its automatic check left it; the reviewer confirms or overrides. */
export function initialChecklist(checks: readonly CheckResult[]): ChecklistState {
  const passedOf = (criterion: Criterion) => checks.find((c) => c.criterion === criterion)?.passed ?? false;
  return Object.fromEntries(criteria.map((criterion) => [criterion, { passed: passedOf(criterion), comment: '' }])) as ChecklistState;
}

export const isOverride = (check: CheckResult | undefined, entry: ChecklistEntry): boolean => check !== undefined && check.passed !== entry.passed;

/** The checklist as review.decide takes it: all five, in the criteria's order, so issue paths name them by index. */
export function checklistInput(state: ChecklistState): ChecklistItemInput[] {
  return criteria.map((criterion) => {
    const comment = state[criterion].comment.trim();
    return { criterion, passed: state[criterion].passed, ...(comment ? { comment } : {}) };
  });
}

/** A failed decision's issues on the checklist: per criterion (path ['checklist', i, …]), and on the whole list. */
export function checklistIssues(error: unknown): { items: Partial<Record<Criterion, string>>; list: string | null } {
  const items: Partial<Record<Criterion, string>> = {};
  let list: string | null = null;
  if (!isApiError(error)) return { items, list };
  for (const issue of error.shape.details?.issues ?? []) {
    if (issue.path[0] !== 'checklist') continue;
    const criterion = typeof issue.path[1] === 'number' ? criteria[issue.path[1]] : undefined;
    if (criterion) items[criterion] = issue.message;
    else list = issue.message;
  }
  return { items, list };
}
