import { z } from 'zod';
import {
  budgetSchema,
  customerNameSchema,
  emailSchema,
  isIsoDate,
  needDescriptionSchema,
  phoneSchema,
  usccSchema,
} from '../domain/fields';
import { operation } from './define';
import { idSchema, versionSchema } from './users';

export const stages = ['initial_contact', 'needs_confirmed', 'quotation', 'contract_signed'] as const;
export type Stage = (typeof stages)[number];
export const statuses = ['draft', 'submitted', 'returned', 'rejected', 'approved', 'won', 'lost', 'expired'] as const;
export type Status = (typeof statuses)[number];
export const customerKinds = ['company', 'person'] as const;

/** An empty form field means "not given", not "invalid". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const shortText = (max: number) => z.string().trim().max(max, { error: 'v.tooLong' });

export const stageSchema = z.enum(stages, { error: 'v.stage' });
export const isoDateSchema = z.string().trim().refine(isIsoDate, { error: 'v.closeDate' });

/** The fields of the registration form (PRODUCT.md capability 1), without the checks that need "today". */
const fieldShape = {
  customerName: customerNameSchema,
  customerKind: z.enum(customerKinds).default('company'),
  contactPerson: z.string({ error: 'v.required' }).trim().min(1, { error: 'v.required' }).max(50, { error: 'v.tooLong' }),
  phones: z.array(phoneSchema).max(5, { error: 'v.tooMany' }).default([]),
  email: optional(emailSchema),
  uscc: optional(usccSchema),
  region: optional(shortText(50)),
  needDescription: needDescriptionSchema,
  budget: budgetSchema,
  expectedCloseDate: isoDateSchema,
  stage: stageSchema.default('initial_contact'),
  sourceChannel: optional(shortText(50)),
  productLine: optional(shortText(50)),
};

/** A registration ready to submit: every required field valid and at least one phone or email. */
export const registrationFieldsSchema = z
  .object(fieldShape)
  .strict()
  .superRefine((f, ctx) => {
    if (f.phones.length === 0 && !f.email) ctx.addIssue({ code: 'custom', path: ['phones'], message: 'v.contactRequired' });
  });
export type RegistrationFields = z.output<typeof registrationFieldsSchema>;
export type RegistrationFieldsInput = z.input<typeof registrationFieldsSchema>;

/** A draft may be incomplete, but what it holds must already be well-formed. */
export const registrationDraftSchema = z
  .object({
    ...fieldShape,
    customerName: z.string().max(200, { error: 'v.tooLong' }).default(''),
    contactPerson: z.string().trim().max(50, { error: 'v.tooLong' }).default(''),
    needDescription: z.string().max(2000, { error: 'v.tooLong' }).default(''),
    budget: optional(budgetSchema),
    expectedCloseDate: optional(isoDateSchema),
  })
  .strict();
export type RegistrationDraft = z.output<typeof registrationDraftSchema>;

export const registrationSchema = z.object({
  id: idSchema,
  version: versionSchema,
  status: z.enum(statuses),
  stage: stageSchema,
  customerId: idSchema.nullable(),
  customerName: z.string(),
  customerKind: z.enum(customerKinds),
  contactPerson: z.string(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  uscc: z.string().nullable(),
  region: z.string().nullable(),
  needDescription: z.string(),
  budget: z.number().nullable(),
  expectedCloseDate: z.string().nullable(),
  sourceChannel: z.string().nullable(),
  productLine: z.string().nullable(),
  ownerId: idSchema,
  ownerName: z.string(),
  needsAdjudication: z.boolean(),
  conflictJustification: z.string().nullable(),
  fromPool: z.boolean(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  protectedUntil: z.string().nullable(),
  finalAmount: z.number().nullable(),
  closedAt: z.string().nullable(),
  lostReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** What a probe compares: the customer-identifying part of the form, as typed so far. */
export const conflictProbeSchema = z
  .object({
    customerName: z.string().max(200, { error: 'v.tooLong' }).default(''),
    customerKind: z.enum(customerKinds).default('company'),
    phones: z.array(z.string().max(50, { error: 'v.tooLong' })).max(5, { error: 'v.tooMany' }).default([]),
    email: z.string().max(200, { error: 'v.tooLong' }).optional(),
    uscc: z.string().max(30, { error: 'v.tooLong' }).optional(),
    region: z.string().max(50, { error: 'v.tooLong' }).optional(),
    /** The registration being edited, which must not match itself. */
    excludeRegistrationId: idSchema.optional(),
  })
  .strict();
export type ConflictProbe = z.output<typeof conflictProbeSchema>;

export const conflictMatchSchema = z.object({
  registrationId: idSchema,
  level: z.enum(['block', 'warn']),
  signals: z.array(z.string()),
  /** `pending`: submitted and not yet decided, which already claims the customer. */
  state: z.enum(['pending', 'protected']),
  /** The last day of the protection (YYYY-MM-DD); null while pending. */
  protectedUntil: z.string().nullable(),
  /** The other deal, for reviewers and administrators only. */
  other: z
    .object({
      customerName: z.string(),
      ownerName: z.string(),
      status: z.enum(statuses),
      stage: stageSchema,
      contactPerson: z.string(),
      phones: z.array(z.string()),
      email: z.string().nullable(),
      submittedAt: z.string().nullable(),
    })
    .optional(),
});
export type ConflictMatch = z.infer<typeof conflictMatchSchema>;

export const conflictReportSchema = z.object({
  matches: z.array(conflictMatchSchema),
  /** The caller already holds this customer: a further opportunity is linked to it, not a conflict. */
  ownCustomer: z.object({ customerId: idSchema, registrationIds: z.array(idSchema) }).nullable(),
});
export type ConflictReport = z.infer<typeof conflictReportSchema>;

const justification = z.string().trim().min(5, { error: 'v.justification' }).max(1000, { error: 'v.tooLong' });
const reason = z.string().trim().min(2, { error: 'v.reason' }).max(1000, { error: 'v.tooLong' });

export const registrationsContract = {
  'conflicts.check': operation({ input: conflictProbeSchema, output: conflictReportSchema, access: 'signedIn' }),
  'registrations.saveDraft': operation({
    input: z.object({ id: idSchema.optional(), version: versionSchema.optional(), fields: registrationDraftSchema }).strict(),
    output: registrationSchema,
    access: 'signedIn',
  }),
  'registrations.submit': operation({
    input: z
      .object({
        id: idSchema.optional(),
        version: versionSchema.optional(),
        fields: registrationFieldsSchema,
        conflictJustification: optional(justification),
      })
      .strict(),
    output: z.object({ registration: registrationSchema, conflicts: conflictReportSchema }),
    access: 'signedIn',
  }),
  'registrations.withdraw': operation({
    input: z.object({ id: idSchema, version: versionSchema }).strict(),
    output: registrationSchema,
    access: 'signedIn',
  }),
  'registrations.discard': operation({
    input: z.object({ id: idSchema, version: versionSchema }).strict(),
    output: z.object({ id: idSchema }),
    access: 'signedIn',
  }),
  'registrations.get': operation({ input: z.object({ id: idSchema }).strict(), output: registrationSchema, access: 'signedIn' }),
  'registrations.list': operation({
    input: z
      .object({
        scope: z.enum(['mine', 'team']).default('mine'),
        statuses: z.array(z.enum(statuses)).max(statuses.length).optional(),
        search: z.string().trim().max(100, { error: 'v.tooLong' }).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ items: z.array(registrationSchema), total: z.number().int() }),
    access: 'signedIn',
  }),
  'registrations.approve': operation({
    input: z.object({ id: idSchema, version: versionSchema.optional() }).strict(),
    output: registrationSchema,
    access: ['reviewer', 'admin'],
  }),
  'pool.list': operation({
    input: z
      .object({
        search: z.string().trim().max(100, { error: 'v.tooLong' }).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({
      items: z.array(
        z.object({
          customerId: idSchema,
          customerName: z.string(),
          customerKind: z.enum(customerKinds),
          region: z.string().nullable(),
          releasedAt: z.string(),
          /** Set when the caller is the former owner and still cooling down. */
          claimableFrom: z.string().nullable(),
          /** The last registration's contact and need, to pre-fill a claim. */
          lastRegistrationId: idSchema,
        }),
      ),
      total: z.number().int(),
    }),
    access: 'signedIn',
  }),
  'pool.claim': operation({
    input: z.object({ customerId: idSchema, fields: registrationFieldsSchema }).strict(),
    output: z.object({ registration: registrationSchema }),
    access: 'signedIn',
  }),
  'protection.requestExtension': operation({
    input: z.object({ registrationId: idSchema, reason }).strict(),
    output: z.object({ requestId: idSchema }),
    access: 'signedIn',
  }),
  'protection.decideExtension': operation({
    input: z.object({ requestId: idSchema, approve: z.boolean(), reason: optional(reason) }).strict(),
    output: z.object({ requestId: idSchema, status: z.enum(['approved', 'rejected']), protectedUntil: z.string().nullable() }),
    access: ['reviewer', 'admin'],
  }),
  'protection.listExtensions': operation({
    input: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }).strict(),
    output: z.array(
      z.object({
        id: idSchema,
        registrationId: idSchema,
        customerName: z.string(),
        requestedBy: z.string(),
        reason: z.string(),
        status: z.enum(['pending', 'approved', 'rejected']),
        protectedUntil: z.string(),
        extensionsUsed: z.number().int(),
        createdAt: z.string(),
      }),
    ),
    access: ['reviewer', 'admin'],
  }),
};
