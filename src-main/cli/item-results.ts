import type { AppErrorShape } from '../../src-shared/contract';
import { CliFailure, errorShape } from './failure';

/** A failed item's slot in a command's output: the typed error, as the CLI prints errors. */
export interface ItemError {
  error: Pick<AppErrorShape, 'code' | 'message' | 'details'>;
}

/** The typed error of one item, its field paths made relative to the item by `relativePath`. */
export function itemError(e: unknown, relativePath: (path: (string | number)[]) => (string | number)[] = (p) => p): ItemError {
  const { code, message, details } = errorShape(e);
  const issues = details?.issues?.map((issue) => ({ ...issue, path: relativePath(issue.path) }));
  const relative = details ? { ...details, ...(issues ? { issues } : {}) } : undefined;
  return { error: relative ? { code, message, details: relative } : { code, message } };
}

/**
 * Commands that act on several items attempt every one, each in its own transaction, and print one
 * slot per item in input order. If any failed, the command still prints them all, then fails with the
 * first failure's error, so a script sees a non-zero exit and the reason without parsing the slots.
 */
export function resultsOrFailure<T extends object>(slots: readonly (T | ItemError)[]): readonly (T | ItemError)[] {
  const failed = slots.find((slot): slot is ItemError => 'error' in slot);
  if (!failed) return slots;
  const { code, message, details } = failed.error;
  throw new CliFailure({ code, message, key: `error.${code}`, ...(details ? { details } : {}) }, slots);
}
