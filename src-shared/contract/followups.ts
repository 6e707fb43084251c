import { z } from 'zod';
import { budgetSchema } from '../domain/fields';
import { operation } from './define';
import { type Status, isoDateSchema, registrationSchema, stageSchema, stages, statuses } from './registrations';
import { idSchema, versionSchema } from './users';

/**
 * Follow-ups (跟进), the moves of an opportunity through the funnel (stage, won, lost, close date),
 * 我的商机 (search and timeline) and 今日待办. PRODUCT.md capability 5.
 */

export const followUpKinds = ['call', 'email', 'visit', 'meeting', 'message', 'other'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(emptyToUndefined, z.string().trim().max(max, { error: 'v.tooLong' }).optional());
const instantSchema = z.iso.datetime({ offset: true, error: 'v.instant' });
/** "Not given" and "given as empty" both mean any: an empty list filters nothing. */
const anyOf = <T extends z.ZodType>(item: T) => z.array(item).max(200, { error: 'v.tooMany' }).optional();

export const followUpInputSchema = z
  .object({
    registrationId: idSchema,
    kind: z.enum(followUpKinds, { error: 'v.followUpKind' }),
    /** When it happened; now when not given. Never in the future. */
    happenedAt: instantSchema.optional(),
    content: z.string({ error: 'v.required' }).trim().min(1, { error: 'v.required' }).max(2000, { error: 'v.tooLong' }),
    outcome: text(1000),
    nextAction: text(200),
    /** The next action's due date (YYYY-MM-DD, not in the past); needs the next action itself. */
    nextDueDate: z.preprocess(emptyToUndefined, isoDateSchema.optional()),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.nextDueDate && !f.nextAction) ctx.addIssue({ code: 'custom', path: ['nextAction'], message: 'v.nextActionRequired' });
  });

export const followUpSchema = z.object({
  id: idSchema,
  registrationId: idSchema,
  kind: z.enum(followUpKinds),
  happenedAt: z.string(),
  content: z.string(),
  outcome: z.string().nullable(),
  nextAction: z.string().nullable(),
  nextDueDate: z.string().nullable(),
  authorId: idSchema,
  authorName: z.string(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** What a win records: the amount on the contract and the day it was signed (not in the future). */
export const wonDetailsSchema = z.object({ finalAmount: budgetSchema, wonDate: isoDateSchema }).strict();

const move = { id: idSchema, version: versionSchema };

/** Statuses an opportunity list shows: a draft is its owner's unfinished form, not an opportunity. */
export const opportunityStatuses = ['submitted', 'returned', 'rejected', 'approved', 'won', 'lost', 'expired'] as const satisfies readonly Status[];

/**
 * Filters shared by the opportunity list and the funnel. `null` in a list picks the opportunities
 * where that field was left empty. `period` is when the opportunity entered the funnel (approval;
 * creation for one not approved), both days included, on the office's calendar.
 */
export const opportunityFiltersSchema = z
  .object({
    ownerIds: anyOf(idSchema),
    channels: anyOf(z.string().max(50).nullable()),
    productLines: anyOf(z.string().max(50).nullable()),
    regions: anyOf(z.string().max(50).nullable()),
    period: z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .strict()
      .refine((p) => p.from <= p.to, { error: 'v.periodOrder', path: ['to'] })
      .optional(),
  })
  .strict();
export type OpportunityFilters = z.output<typeof opportunityFiltersSchema>;

export const opportunitySortKeys = ['updatedAt', 'enteredAt', 'customerName', 'amount', 'expectedCloseDate', 'lastActivityAt', 'nextDueDate', 'stage'] as const;
export const opportunitySortSchema = z
  .object({ by: z.enum(opportunitySortKeys).default('updatedAt'), direction: z.enum(['asc', 'desc']).default('desc') })
  .strict()
  .default({ by: 'updatedAt', direction: 'desc' });
export const pageSchema = { limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) };

/** One row of 我的商机 or of a funnel drill-down: what a list shows, not the whole registration. */
export const opportunityListItemSchema = z.object({
  id: idSchema,
  version: versionSchema,
  status: z.enum(statuses),
  stage: stageSchema,
  customerName: z.string(),
  contactPerson: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  region: z.string().nullable(),
  sourceChannel: z.string().nullable(),
  productLine: z.string().nullable(),
  budget: z.number().nullable(),
  /** The final amount of a win, the budget otherwise. */
  amount: z.number().nullable(),
  expectedCloseDate: z.string().nullable(),
  enteredAt: z.string(),
  closedAt: z.string().nullable(),
  lostReason: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  nextAction: z.string().nullable(),
  nextDueDate: z.string().nullable(),
  protectedUntil: z.string().nullable(),
  updatedAt: z.string(),
});
export type OpportunityListItem = z.infer<typeof opportunityListItemSchema>;
export const opportunityPageSchema = z.object({ items: z.array(opportunityListItemSchema), total: z.number().int() });

const userRef = { id: idSchema.nullable(), name: z.string().nullable() };
/** One entry of an opportunity's timeline, newest first. */
export const timelineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('followUp'), at: z.string(), by: z.object(userRef), followUp: followUpSchema }),
  z.object({ type: z.literal('stageChange'), at: z.string(), by: z.object(userRef), from: stageSchema.nullable(), to: stageSchema }),
  z.object({
    type: z.literal('closeDateChange'),
    at: z.string(),
    by: z.object(userRef),
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string().nullable(),
  }),
  /** Anything else the audit log holds about the opportunity: submission, review decisions, protection, win, loss. */
  z.object({
    type: z.literal('event'),
    at: z.string(),
    by: z.object(userRef),
    operation: z.string(),
    statusFrom: z.enum(statuses).nullable(),
    statusTo: z.enum(statuses).nullable(),
    reason: z.string().nullable(),
  }),
]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

const todoScope = z.enum(['mine', 'team']).default('mine');
export const todoItemSchema = z.object({
  registrationId: idSchema,
  customerName: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  status: z.enum(statuses),
  stage: stageSchema,
  nextAction: z.string().nullable(),
  nextDueDate: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  /** Due: days past the due date (0 = due today). Stale: days since the last activity. */
  days: z.number().int(),
});
export type TodoItem = z.infer<typeof todoItemSchema>;

export const followUpsContract = {
  'followups.add': operation({ input: followUpInputSchema, output: followUpSchema, access: 'signedIn' }),
  'followups.list': operation({
    input: z.object({ registrationId: idSchema }).strict(),
    output: z.object({ items: z.array(followUpSchema) }),
    access: 'signedIn',
  }),
  /** Moving to 合同签订 is winning: it needs `won`, and does what registrations.markWon does. */
  'registrations.changeStage': operation({
    input: z.object({ ...move, stage: stageSchema, won: wonDetailsSchema.optional() }).strict(),
    output: registrationSchema,
    access: 'signedIn',
  }),
  'registrations.markWon': operation({
    input: z.object({ ...move, ...wonDetailsSchema.shape }).strict(),
    output: registrationSchema,
    access: 'signedIn',
  }),
  'registrations.markLost': operation({
    input: z
      .object({
        ...move,
        /** One of the office's lost reasons (settings). */
        reason: z.string().trim().min(1, { error: 'v.lostReason' }).max(50, { error: 'v.tooLong' }),
        comment: text(1000),
      })
      .strict(),
    output: registrationSchema,
    access: 'signedIn',
  }),
  'registrations.changeCloseDate': operation({
    input: z.object({ ...move, expectedCloseDate: isoDateSchema, reason: text(500) }).strict(),
    output: registrationSchema,
    access: 'signedIn',
  }),
  /** 我的商机: a salesperson's own opportunities; `team` (reviewers, admins) everyone's. */
  'opportunities.search': operation({
    input: z
      .object({
        scope: z.enum(['mine', 'team']).default('mine'),
        ...opportunityFiltersSchema.shape,
        statuses: z.array(z.enum(opportunityStatuses)).max(opportunityStatuses.length).optional(),
        stages: z.array(stageSchema).max(stages.length).optional(),
        /** Customer name, its pinyin initials or spelling ("xckj", "xingchen"), contact person, phone. */
        search: z.string().trim().max(100, { error: 'v.tooLong' }).optional(),
        sort: opportunitySortSchema,
        ...pageSchema,
      })
      .strict(),
    output: opportunityPageSchema,
    access: 'signedIn',
  }),
  'opportunities.timeline': operation({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ items: z.array(timelineEventSchema) }),
    access: 'signedIn',
  }),
  /** 今日待办: next actions due today or overdue, and stale opportunities, oldest first. */
  'todo.today': operation({
    input: z.object({ scope: todoScope, limit: z.number().int().min(1).max(500).default(200) }).strict(),
    output: z.object({
      today: z.string(),
      due: z.array(todoItemSchema),
      stale: z.array(todoItemSchema),
      counts: z.object({ dueToday: z.number().int(), overdue: z.number().int(), stale: z.number().int() }),
    }),
    access: 'signedIn',
  }),
};
