import { z } from 'zod';

/** Every failure a handler can report. The UI maps each code to a plain message. */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE',
  'BUSY',
  'DB_UNAVAILABLE',
  'SCHEMA_TOO_NEW',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  key: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  /** Already translated into the user's language. */
  message: z.string(),
  /** i18n key of the message, so a renderer in another language can translate it again. */
  key: z.string(),
  details: z
    .object({
      issues: z.array(fieldIssueSchema).optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };
