import type { ErrorCode, FieldIssue } from '../../src-shared/contract/errors';
import type { MessageKey, Params } from '../../src-shared/i18n';

/**
 * The one error type handlers throw. `key` is an i18n message key; the dispatcher translates it into
 * the caller's language, so a handler never builds user-facing text itself.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey = `error.${code}`,
    readonly params?: Params,
    readonly issues?: Omit<FieldIssue, 'message'>[],
  ) {
    super(`${code}: ${key}`);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
