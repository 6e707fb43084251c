import { z } from 'zod';
import { operation, roles } from './define';

export const usernameSchema = z
  .string()
  .trim()
  .min(2, { error: 'v.username' })
  .max(32, { error: 'v.username' })
  .regex(/^[\p{L}\p{N}._-]+$/u, { error: 'v.username' });
export const passwordSchema = z.string().min(8, { error: 'v.passwordShort' }).max(200, { error: 'v.tooLong' });
export const displayNameSchema = z.string().trim().min(1, { error: 'v.required' }).max(50, { error: 'v.tooLong' });
export const roleSchema = z.enum(roles, { error: 'v.role' });
export const idSchema = z.number().int().positive();
export const versionSchema = z.number().int().nonnegative();

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  version: versionSchema,
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: passwordSchema,
});

export const usersContract = {
  'users.list': operation({
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    output: z.array(userSchema),
    access: ['admin'],
  }),
  'users.create': operation({ input: newUserSchema.strict(), output: userSchema, access: ['admin'] }),
  'users.update': operation({
    input: z
      .object({
        id: idSchema,
        version: versionSchema,
        displayName: displayNameSchema.optional(),
        role: roleSchema.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.resetPassword': operation({
    input: z.object({ id: idSchema, password: passwordSchema }).strict(),
    output: z.object({ id: idSchema }),
    access: ['admin'],
  }),
};
