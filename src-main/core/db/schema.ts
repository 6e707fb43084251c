import type { Generated } from 'kysely';
import type { Role } from '../../../src-shared/contract/define';

/** Row types of every table, as Kysely sees them. Instants are UTC ISO-8601 strings. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AreaVersionsTable {
  area: string;
  version: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export type RegistrationStatus = 'draft' | 'submitted' | 'returned' | 'rejected' | 'approved' | 'won' | 'lost' | 'expired';
export type StageCode = 'initial_contact' | 'needs_confirmed' | 'quotation' | 'contract_signed';

export interface OfficeSettingsTable {
  key: string;
  value: string;
  version: Generated<number>;
  updated_at: string;
  updated_by: number | null;
}

export interface CustomersTable {
  id: Generated<number>;
  kind: 'company' | 'person';
  name: string;
  normalized_name: string;
  core_name: string;
  region: string | null;
  uscc: string | null;
  created_at: string;
}

export interface RegistrationsTable {
  id: Generated<number>;
  customer_id: number | null;
  owner_id: number;
  status: RegistrationStatus;
  stage: StageCode;
  customer_name: Generated<string>;
  customer_kind: Generated<'company' | 'person'>;
  contact_person: Generated<string>;
  /** JSON array of normalized phone numbers. */
  phones: Generated<string>;
  email: string | null;
  uscc: string | null;
  region: string | null;
  need_description: Generated<string>;
  budget_fen: number | null;
  expected_close_date: string | null;
  source_channel: string | null;
  product_line: string | null;
  conflict_justification: string | null;
  needs_adjudication: Generated<number>;
  from_pool: Generated<number>;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: number | null;
  decision_reason: string | null;
  approved_at: string | null;
  final_amount_fen: number | null;
  closed_at: string | null;
  lost_reason: string | null;
  lost_comment: string | null;
  external_id: string | null;
  gram_count: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** Maintained by triggers (migration 003); never written by services. */
  customer_pinyin: Generated<string>;
  last_activity_at: Generated<string | null>;
  next_action: Generated<string | null>;
  next_due_date: Generated<string | null>;
  /** The furthest stage the history recorded, as an index into `stages` (0–3). */
  stage_reached: Generated<number | null>;
  days_in_initial_contact: Generated<number | null>;
  days_in_needs_confirmed: Generated<number | null>;
  days_in_quotation: Generated<number | null>;
  close_date_moves: Generated<number>;
  close_date_slips: Generated<number>;
  close_date_slip_days: Generated<number>;
  /** When it entered the funnel (approval, else creation) and the days from then to its close. */
  entered_at: Generated<string | null>;
  cycle_days: Generated<number | null>;
}

export interface RegistrationKeysTable {
  registration_id: number;
  kind: string;
  value: string;
}

export interface RegistrationGramsTable {
  registration_id: number;
  gram: string;
}

export interface ProtectionsTable {
  id: Generated<number>;
  customer_id: number;
  registration_id: number;
  owner_id: number;
  kind: 'open' | 'won';
  status: 'active' | 'released' | 'ended';
  starts_at: string;
  ends_at: string;
  extensions: Generated<number>;
  reminded_at: string | null;
  ended_at: string | null;
}

export interface ReviewDecisionsTable {
  id: Generated<number>;
  registration_id: number;
  reviewer_id: number;
  decision: 'approve' | 'return' | 'reject';
  reason: string | null;
  /** JSON array of { criterion, passed, comment }. */
  checklist: Generated<string>;
  adjudicated_against: number | null;
  created_at: string;
}

export interface ExtensionRequestsTable {
  id: Generated<number>;
  protection_id: number;
  requested_by: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
  created_at: string;
}

export interface FollowUpsTable {
  id: Generated<number>;
  registration_id: number;
  author_id: number;
  kind: 'call' | 'email' | 'visit' | 'meeting' | 'message' | 'other';
  happened_at: string;
  content: string;
  outcome: string | null;
  next_action: string | null;
  next_due_date: string | null;
  created_at: string;
}

export interface StageHistoryTable {
  id: Generated<number>;
  registration_id: number;
  from_stage: StageCode | null;
  to_stage: StageCode;
  changed_at: string;
  changed_by: number | null;
}

export interface CloseDateChangesTable {
  id: Generated<number>;
  registration_id: number;
  from_date: string | null;
  to_date: string;
  changed_at: string;
  changed_by: number | null;
  reason: Generated<string | null>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  entity: string;
  entity_id: number;
  params: Generated<string>;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  operation: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface ImportMappingsTable {
  /** The file's headers, normalized and sorted: one remembered mapping per header set. */
  header_set: string;
  /** JSON array of the headers as the file spelled them. */
  headers: string;
  /** JSON of the ImportMapping. */
  mapping: string;
  updated_at: string;
  updated_by: number | null;
}

export interface Schema {
  users: UsersTable;
  area_versions: AreaVersionsTable;
  schema_migrations: SchemaMigrationsTable;
  office_settings: OfficeSettingsTable;
  customers: CustomersTable;
  registrations: RegistrationsTable;
  registration_keys: RegistrationKeysTable;
  registration_grams: RegistrationGramsTable;
  protections: ProtectionsTable;
  extension_requests: ExtensionRequestsTable;
  review_decisions: ReviewDecisionsTable;
  follow_ups: FollowUpsTable;
  stage_history: StageHistoryTable;
  close_date_changes: CloseDateChangesTable;
  notifications: NotificationsTable;
  audit_log: AuditLogTable;
  import_mappings: ImportMappingsTable;
}
