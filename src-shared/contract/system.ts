import { z } from 'zod';
import { operation } from './define';

export const languageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const systemContract = {
  'settings.get': operation({
    input: z.object({}).strict(),
    output: z.object({ language: languageSchema, dbPath: z.string().nullable(), lastUsername: z.string().nullable() }),
    access: 'public',
  }),
  'settings.setLanguage': operation({
    input: z.object({ language: languageSchema }).strict(),
    output: z.object({ language: languageSchema }),
    access: 'public',
  }),
  'system.status': operation({
    input: z.object({}).strict(),
    output: z.object({
      dbPath: z.string(),
      schemaVersion: z.number().int(),
      appSchemaVersion: z.number().int(),
      readOnly: z.boolean(),
      lastBackupAt: z.string().nullable(),
    }),
    access: 'signedIn',
  }),
  'system.check': operation({
    input: z.object({}).strict(),
    output: z.object({ healthy: z.boolean(), integrity: z.string(), schemaVersion: z.number().int(), appSchemaVersion: z.number().int() }),
    access: ['admin'],
  }),
  'system.backup': operation({
    input: z.object({}).strict(),
    output: z.object({ file: z.string(), at: z.string() }),
    access: ['admin'],
  }),
};
