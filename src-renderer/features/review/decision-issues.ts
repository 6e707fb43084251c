import type { Criterion } from '../../../src-shared/domain/review/checks';
import { isApiError } from '../../api/api-error';
import { checklistIssues } from './checklist-state';

/** Where a refused decision's issues go: the reason field, a checklist item, or the checklist as a whole. */
export interface DecisionIssues {
  reason: string | null;
  items: Partial<Record<Criterion, string>>;
  list: string | null;
  /** Whether any issue found its place; if none did, the error is shown as a message instead. */
  placed: boolean;
}

export function decisionIssues(error: unknown): DecisionIssues {
  const issues = isApiError(error) && error.code === 'VALIDATION' ? (error.shape.details?.issues ?? []) : [];
  const reason = issues.find((i) => i.path[0] === 'reason')?.message ?? null;
  const checklist = checklistIssues(error);
  return { reason, ...checklist, placed: reason !== null || checklist.list !== null || Object.keys(checklist.items).length > 0 };
}
