import { z } from 'zod';
import { operation } from './define';
import { idSchema } from './users';

export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  operation: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first entry that does not fit the chain, and how. */
  firstBroken: z.object({ id: z.number().int(), problem: z.enum(['missing', 'tampered']) }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const auditContract = {
  'audit.list': operation({
    input: z
      .object({
        entity: z.string().max(50).optional(),
        entityId: z.number().int().optional(),
        userId: idSchema.optional(),
        operation: z.string().max(100).optional(),
        from: z.string().max(30).optional(),
        to: z.string().max(30).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ items: z.array(auditEntrySchema), total: z.number().int() }),
    access: ['admin'],
  }),
  'audit.verify': operation({ input: z.object({}).strict(), output: auditVerificationSchema, access: ['admin'] }),
};
