import type { z } from 'zod';
import { isMessageKey, type MessageKey } from './index';

/**
 * The i18n key of a failed zod check. The shared schemas carry keys as their messages; zod's own
 * messages get a generic key by issue code, the same in the form and in the main process.
 */
export function issueKey(issue: z.core.$ZodIssue): MessageKey {
  if (isMessageKey(issue.message)) return issue.message;
  if (issue.code === 'unrecognized_keys') return 'v.unknownField';
  if (issue.code === 'too_big') return 'v.tooLong';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'v.required';
  return 'v.invalidType';
}
