import type { FormRule } from 'antd';
import type { z } from 'zod';
import { issueKey } from '../../src-shared/i18n/issue-key';
import type { Translate } from '../i18n/LanguageProvider';

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
