import type { AppErrorShape } from '../../src-shared/contract';
import { toErrorShape } from '../core/dispatch';
import { cliLanguage } from './language';

/**
 * A command that failed with a typed error. `report` is data worth printing even so: `check` prints
 * what it found on stdout and exits non-zero when the database is unhealthy.
 */
export class CliFailure extends Error {
  constructor(
    readonly error: AppErrorShape,
    readonly report?: unknown,
  ) {
    super(error.message);
    this.name = 'CliFailure';
  }
}

/**
 * Any failure as the typed error the UI would show, in the CLI's language. Unlike the UI, the person
 * at a command line may see an unexpected error's own message: there is nobody else to read a log.
 */
export function errorShape(e: unknown, unexpectedCause: unknown = e): AppErrorShape {
  if (e instanceof CliFailure) return e.error;
  const shape = toErrorShape(e, cliLanguage(), () => {});
  return shape.code === 'INTERNAL' ? withCause(shape, unexpectedCause) : shape;
}

export function withCause(shape: AppErrorShape, cause: unknown): AppErrorShape {
  if (cause === undefined) return shape;
  const text = cause instanceof Error ? cause.message : String(cause);
  return { ...shape, details: { ...shape.details, params: { ...shape.details?.params, cause: text } } };
}
