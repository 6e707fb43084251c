import { z } from 'zod';

/**
 * A string field whose value is parsed into a normalized form. The same parse function serves the
 * form, the main process and the conflict keys, so a value accepted in one place is accepted in all.
 * A value that does not parse yields one issue whose message is the i18n key.
 */
export function parsedString<T>(parse: (raw: string) => T | null, key: string) {
  return z.string({ error: 'v.required' }).transform((raw, ctx) => {
    const parsed = parse(raw);
    if (parsed === null) {
      ctx.addIssue(key);
      return z.NEVER;
    }
    return parsed;
  });
}
