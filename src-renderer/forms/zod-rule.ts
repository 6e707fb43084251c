import type { FormRule } from 'antd';
import type { z } from 'zod';
import { isMessageKey, type MessageKey } from '../../src-shared/i18n';
import type { Translate } from '../i18n/LanguageProvider';

/**
 * The key of a failed check. The shared schemas carry i18n keys as their messages; zod's own messages
 * get the same generic keys the main process gives them, so both sides word an error alike.
 */
function issueKey(issue: z.core.$ZodIssue): MessageKey {
  if (isMessageKey(issue.message)) return issue.message;
  if (issue.code === 'too_big') return 'v.tooLong';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'v.required';
  return 'v.invalidType';
}

/** A form rule that checks a field with the same zod schema the main process uses. */
export function zodRule(schema: z.ZodType, t: Translate): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      // An emptied input is missing, not a too-short value.
      const result = schema.safeParse(value === '' ? undefined : value);
      const issue = result.error?.issues[0];
      if (issue) throw new Error(t(issueKey(issue)));
    },
  };
}
