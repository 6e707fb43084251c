import { z } from 'zod';
import { criteria } from '../domain/review/checks';
import { operation } from './define';
import { conflictMatchSchema, registrationSchema, stages } from './registrations';
import { idSchema, versionSchema } from './users';

export const decisionSchema = z.enum(['approve', 'return', 'reject']);
export type Decision = z.infer<typeof decisionSchema>;

export const checkResultSchema = z.object({
  criterion: z.enum(criteria),
  passed: z.boolean(),
  reasons: z.array(z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
});

/** The reviewer's verdict on one criterion: confirms the automatic check or overrides it, with a comment. */
export const checklistItemSchema = z.object({
  criterion: z.enum(criteria),
  passed: z.boolean(),
  comment: z.string().trim().max(500, { error: 'v.tooLong' }).optional(),
});

const reasonSchema = z.string().trim().min(2, { error: 'v.reason' }).max(1000, { error: 'v.tooLong' });

export const queueItemSchema = z.object({
  id: idSchema,
  version: versionSchema,
  customerName: z.string(),
  ownerName: z.string(),
  budget: z.number().nullable(),
  stage: z.enum(stages),
  submittedAt: z.string(),
  ageDays: z.number(),
  conflict: z.boolean(),
  needsAdjudication: z.boolean(),
  checksPassed: z.boolean(),
  failedCriteria: z.array(z.enum(criteria)),
});

export const decisionRecordSchema = z.object({
  id: idSchema,
  decision: decisionSchema,
  reason: z.string().nullable(),
  reviewerName: z.string(),
  checklist: z.array(checklistItemSchema),
  createdAt: z.string(),
});

export const reviewContract = {
  'review.queue': operation({
    input: z
      .object({
        ownerId: idSchema.optional(),
        conflictOnly: z.boolean().default(false),
        search: z.string().trim().max(100, { error: 'v.tooLong' }).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(queueItemSchema) }),
    access: ['reviewer', 'admin'],
  }),
  'review.pendingCount': operation({
    input: z.object({}).strict(),
    output: z.object({ count: z.number().int() }),
    access: ['reviewer', 'admin'],
  }),
  'review.detail': operation({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({
      registration: registrationSchema,
      checks: z.array(checkResultSchema),
      conflicts: z.array(conflictMatchSchema),
      /** The competing registrations in full, for side-by-side adjudication. */
      competitors: z.array(z.object({ registration: registrationSchema, decisions: z.array(decisionRecordSchema) })),
      decisions: z.array(decisionRecordSchema),
    }),
    access: ['reviewer', 'admin'],
  }),
  'review.decide': operation({
    input: z
      .object({
        id: idSchema,
        version: versionSchema,
        decision: decisionSchema,
        reason: reasonSchema.optional(),
        checklist: z.array(checklistItemSchema).max(criteria.length),
      })
      .strict(),
    output: registrationSchema,
    access: ['reviewer', 'admin'],
  }),
  'review.adjudicate': operation({
    input: z
      .object({
        keepId: idSchema,
        otherId: idSchema,
        otherDecision: z.enum(['return', 'reject']),
        reason: reasonSchema,
      })
      .strict(),
    output: z.object({ kept: registrationSchema, other: registrationSchema }),
    access: ['reviewer', 'admin'],
  }),
  'review.bulkApprove': operation({
    input: z.object({ ids: z.array(idSchema).min(1).max(500) }).strict(),
    output: z.object({
      approved: z.array(idSchema),
      skipped: z.array(z.object({ id: idSchema, key: z.string() })),
    }),
    access: ['reviewer', 'admin'],
  }),
};
