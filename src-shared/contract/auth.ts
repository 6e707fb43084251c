import { z } from 'zod';
import { operation } from './define';
import { passwordSchema, roleSchema, usernameSchema, idSchema, displayNameSchema } from './users';

export const sessionUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const authContract = {
  'auth.signIn': operation({
    input: z
      .object({ username: z.string().trim().min(1, { error: 'v.required' }).max(64), password: z.string().min(1, { error: 'v.required' }).max(200) })
      .strict(),
    output: z.object({ user: sessionUserSchema, sessionToken: z.string() }),
    access: 'public',
  }),
  'auth.signOut': operation({ input: z.object({}).strict(), output: z.object({}), access: 'public' }),
  'auth.session': operation({
    input: z.object({}).strict(),
    output: z.object({ user: sessionUserSchema.nullable() }),
    access: 'public',
    readsCaller: true,
  }),
  'auth.changePassword': operation({
    input: z.object({ currentPassword: z.string().min(1, { error: 'v.required' }).max(200), newPassword: passwordSchema }).strict(),
    output: z.object({}),
    access: 'signedIn',
  }),
};

/**
 * First run: choose or create the database, then create the administrator. `restoreBackup` puts this
 * PC's latest backup back over the database at `path` that just failed to open as damaged (the
 * start-up screen offers it; see src-main/core/services/setup/restore.ts and docs/RELIABILITY.md).
 */
export const databaseModeSchema = z.enum(['createLocal', 'create', 'open', 'restoreBackup']);

export const setupContract = {
  'setup.status': operation({
    input: z.object({}).strict(),
    output: z.object({
      /** `unavailable`: the remembered database could not be opened (drive unmapped, file damaged). */
      state: z.enum(['noDatabase', 'unavailable', 'needsAdmin', 'ready']),
      dbPath: z.string().nullable(),
      /** Why the remembered database could not be opened, as an i18n key. */
      errorKey: z.string().nullable(),
      /**
       * When it failed as damaged and this PC may restore it: when the latest sound backup was taken
       * (null: there is none). Absent otherwise.
       */
      latestBackupAt: z.string().nullable().optional(),
      canChooseDatabase: z.boolean(),
      defaultLocalPath: z.string().nullable(),
      lastUsername: z.string().nullable(),
    }),
    access: 'public',
  }),
  'setup.useDatabase': operation({
    input: z
      .object({ mode: databaseModeSchema, path: z.string().trim().min(1, { error: 'v.required' }).max(4096).optional() })
      .strict()
      .refine((v) => v.mode === 'createLocal' || v.path !== undefined, { error: 'v.required', path: ['path'] }),
    output: z.object({
      dbPath: z.string(),
      /** After `restoreBackup`: which backup was put back, and where the damaged file was kept. */
      restored: z.object({ backupAt: z.string(), damagedCopy: z.string() }).optional(),
    }),
    access: 'public',
    readsCaller: true,
  }),
  'setup.browse': operation({
    input: z.object({ kind: z.enum(['create', 'open']) }).strict(),
    output: z.object({ path: z.string().nullable() }),
    access: 'public',
    readsCaller: true,
  }),
  'setup.createAdmin': operation({
    input: z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }).strict(),
    output: z.object({ user: sessionUserSchema, sessionToken: z.string() }),
    access: 'public',
  }),
};
