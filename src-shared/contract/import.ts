import { z } from 'zod';
import { operation } from './define';
import { customerKinds, stageSchema } from './registrations';
import { idSchema, usernameSchema } from './users';

/**
 * Import of customers and registrations from another system's .csv or .xlsx export (PRODUCT.md
 * capability 8). The renderer sends the file itself with every call, so the main process keeps no
 * upload state between calls; the mapping says how the file's columns and values become fields.
 */

/** What a column can hold. `contact` is the seed's 联系方式: phones and emails in one cell. */
export const importFields = [
  'customerName',
  'customerKind',
  'contactPerson',
  'contact',
  'phones',
  'email',
  'uscc',
  'region',
  'needDescription',
  'budget',
  'expectedCloseDate',
  'closedAt',
  'submittedAt',
  'stage',
  'status',
  'owner',
  'sourceChannel',
  'productLine',
  'finalAmount',
  'lostReason',
  'externalId',
] as const;
export type ImportField = (typeof importFields)[number];
/** Fields several columns may feed (a 手机 and a 座机 column); every other field takes one column. */
export const multiColumnFields: readonly ImportField[] = ['contact', 'phones'];

/** The statuses a row can arrive in: open (claims its customer) or closed (history). */
export const importStatuses = ['submitted', 'approved', 'won', 'lost', 'expired'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const openImportStatuses: readonly ImportStatus[] = ['submitted', 'approved'];

/** Year-first dates take any separator (2024-03-15, 2024/3/15, 2024年3月15日); the others need saying. */
export const dateFormats = ['ymd', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof dateFormats)[number];

const cellText = z.string().max(500);

/** An owner value that is no user: map it to a user by username, or create an inactive salesperson. */
export const ownerTargetSchema = z.union([
  z.object({ user: usernameSchema }).strict(),
  z.object({ create: z.literal(true), username: usernameSchema.optional(), displayName: z.string().trim().min(1).max(50).optional() }).strict(),
]);
export type OwnerTarget = z.infer<typeof ownerTargetSchema>;

export const importMappingSchema = z
  .object({
    /** Header → field; headers not listed are ignored. */
    columns: z.record(cellText, z.enum([...importFields, 'ignore'])).default({}),
    /** Status column values → status, with the stage an open row starts in. */
    statusValues: z.record(cellText, z.object({ status: z.enum(importStatuses), stage: stageSchema.optional() }).strict()).default({}),
    /** Stage column values → stage. */
    stageValues: z.record(cellText, stageSchema).default({}),
    customerKindValues: z.record(cellText, z.enum(customerKinds)).default({}),
    /** Owner column values that are neither a username nor a display name. */
    owners: z.record(cellText, ownerTargetSchema).default({}),
    /** What happens to owner values that are no user and not listed in `owners`. */
    unknownOwners: z.enum(['invalid', 'create']).default('invalid'),
    dateFormat: z.enum(dateFormats).default('ymd'),
    /** The unit of the budget and final amount columns: yuan, or 万元 as many Chinese sheets use. */
    amountUnit: z.enum(['yuan', 'tenThousand']).default('yuan'),
    /** The status of rows with no status column or an empty status cell. */
    defaultStatus: z.enum(importStatuses).default('submitted'),
    /**
     * An open row that lacks what only its owner can add (contact, need, budget, expected close date):
     * `return` brings it in as 退回修改, claiming its customer until the owner completes and submits it;
     * `invalid` refuses it like any other invalid row.
     */
    incompleteOpenRows: z.enum(['return', 'invalid']).default('return'),
  })
  .strict();
export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/**
 * The most base64 text one call takes: it keeps a request under the browser host's limit (8 MB). A
 * file is gzipped before it is sent when that makes it fit, which a CSV does several times over.
 */
export const maxImportDataChars = 8_000_000;

/** The file's bytes in base64; `gzip` when the renderer compressed them first. */
export const importFileSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    compression: z.enum(['none', 'gzip']).default('none'),
    data: z.string().min(1).max(maxImportDataChars, { error: 'import.v.fileTooLarge' }),
  })
  .strict();
export type ImportFile = z.input<typeof importFileSchema>;

export const rowIssueSchema = z.object({
  /** The import field the issue is about; absent for the row as a whole. */
  field: z.enum(importFields).optional(),
  key: z.string(),
  message: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

export const rowConflictSchema = z.object({
  /** Absent in a dry run when the other registration would come from this same file. */
  registrationId: idSchema.optional(),
  /** The row of this file the other registration comes from. */
  row: z.number().int().optional(),
  level: z.enum(['block', 'warn']),
  signals: z.array(z.string()),
});

export const importRowResultSchema = z.object({
  /** The row number a spreadsheet shows: the header is row 1. */
  row: z.number().int(),
  status: z.enum(['created', 'invalid', 'conflict']),
  /** Set for created rows of a real run. */
  registrationId: idSchema.optional(),
  /** What a created row became; it differs from the file when a note says why. */
  registrationStatus: z.enum(['submitted', 'returned', 'approved', 'won', 'lost', 'expired']).optional(),
  errors: z.array(rowIssueSchema).optional(),
  conflicts: z.array(rowConflictSchema).optional(),
  /** Remarks on a created row: returned for completion, keep period over, customer already held… */
  notes: z.array(rowIssueSchema).optional(),
});
export type ImportRowResult = z.infer<typeof importRowResultSchema>;

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.array(importRowResultSchema),
  summary: z.object({
    total: z.number().int(),
    created: z.number().int(),
    invalid: z.number().int(),
    conflict: z.number().int(),
    /** Created rows by the status they got. */
    byStatus: z.record(z.string(), z.number().int()),
  }),
  /** Inactive salesperson accounts made for owner values (or that a dry run would make). */
  createdUsers: z.array(z.object({ username: z.string(), displayName: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importPreviewSchema = z.object({
  fileType: z.enum(['csv', 'xlsx']),
  /** How a CSV was decoded; null for a workbook. */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'gb18030']).nullable(),
  sheetName: z.string().nullable(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  /** The first rows as text, for the preview table. */
  sample: z.array(z.array(z.string())),
  /** Each column's most frequent values, for mapping statuses, stages and owners. */
  distinct: z.record(z.string(), z.array(z.object({ value: z.string(), count: z.number().int() }))),
  mapping: importMappingSchema,
  /** True when the mapping is the one remembered for this header set, not a fresh proposal. */
  remembered: z.boolean(),
  /** Users an owner value can be mapped to (reviewers cannot list users otherwise). */
  users: z.array(z.object({ username: z.string(), displayName: z.string(), active: z.boolean() })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const importAccess = ['admin', 'reviewer'] as const;
/** A caller-chosen id that the `import.progress` events of this run carry. */
const importIdSchema = z.string().trim().min(1).max(64);

export const importContract = {
  'import.preview': operation({
    input: z.object({ file: importFileSchema, sampleRows: z.number().int().min(1).max(200).default(20) }).strict(),
    output: importPreviewSchema,
    access: importAccess,
  }),
  /** Everything a run would do, inside a transaction that is rolled back: the same results, nothing written. */
  'import.dryRun': operation({
    input: z.object({ file: importFileSchema, mapping: importMappingSchema, importId: importIdSchema.optional() }).strict(),
    output: importReportSchema,
    access: importAccess,
  }),
  /** Every valid row in one write transaction, or nothing on a fatal error; remembers the mapping. */
  'import.run': operation({
    input: z.object({ file: importFileSchema, mapping: importMappingSchema, importId: importIdSchema.optional() }).strict(),
    output: importReportSchema,
    access: importAccess,
  }),
  /** The invalid and conflicting rows of a report beside the file's own cells, as an .xlsx workbook. */
  'import.errorReport': operation({
    input: z.object({ file: importFileSchema, rows: z.array(importRowResultSchema).max(1_000_000) }).strict(),
    output: z.object({ fileName: z.string(), data: z.string() }),
    access: importAccess,
  }),
};
