import { AppError } from '../core/errors';

/** The text of a `--json` option as a value; malformed JSON is a VALIDATION error saying where. */
export function parseJsonOption(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('VALIDATION', 'cli.badJson', { cause: e instanceof Error ? e.message : String(e) });
  }
}
