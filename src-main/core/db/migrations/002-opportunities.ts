import type { Migration } from '../migrations';

/**
 * Customers, registrations (the opportunities), the conflict index, protections, extension requests,
 * follow-ups, stage history, notifications, office settings and the hash-chained audit log.
 *
 * A registration's `id` is assigned inside its write transaction, so id order is commit order: that is
 * what "first" means, never a PC's clock. Money is stored in fen (integer cents of CNY).
 */
export const opportunitiesMigration: Migration = {
  version: 2,
  name: 'opportunities, conflicts, protection, audit',
  up: `
    CREATE TABLE office_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES users(id)
    ) STRICT;

    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('company', 'person')),
      name TEXT NOT NULL,
      normalized_name TEXT NOT NULL,
      core_name TEXT NOT NULL,
      region TEXT,
      uscc TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX customers_normalized_name ON customers (normalized_name);
    CREATE INDEX customers_uscc ON customers (uscc) WHERE uscc IS NOT NULL;

    CREATE TABLE registrations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER REFERENCES customers(id),
      owner_id INTEGER NOT NULL REFERENCES users(id),
      status TEXT NOT NULL CHECK (status IN ('draft','submitted','returned','rejected','approved','won','lost','expired')),
      stage TEXT NOT NULL CHECK (stage IN ('initial_contact','needs_confirmed','quotation','contract_signed')),
      customer_name TEXT NOT NULL DEFAULT '',
      customer_kind TEXT NOT NULL DEFAULT 'company' CHECK (customer_kind IN ('company', 'person')),
      contact_person TEXT NOT NULL DEFAULT '',
      phones TEXT NOT NULL DEFAULT '[]',
      email TEXT,
      uscc TEXT,
      region TEXT,
      need_description TEXT NOT NULL DEFAULT '',
      budget_fen INTEGER,
      expected_close_date TEXT,
      source_channel TEXT,
      product_line TEXT,
      conflict_justification TEXT,
      needs_adjudication INTEGER NOT NULL DEFAULT 0,
      from_pool INTEGER NOT NULL DEFAULT 0,
      submitted_at TEXT,
      decided_at TEXT,
      decided_by INTEGER REFERENCES users(id),
      decision_reason TEXT,
      approved_at TEXT,
      final_amount_fen INTEGER,
      closed_at TEXT,
      lost_reason TEXT,
      lost_comment TEXT,
      external_id TEXT,
      -- How many grams the registration has in registration_grams: the fuzzy prefilter needs it.
      gram_count INTEGER NOT NULL DEFAULT 0,
      version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX registrations_owner_status ON registrations (owner_id, status);
    CREATE INDEX registrations_status_submitted ON registrations (status, submitted_at);
    CREATE INDEX registrations_customer ON registrations (customer_id, status);

    -- The conflict index: exact keys and name bigrams of active registrations only (submitted,
    -- returned, approved, and won while kept), so a probe is a few index lookups, never a scan.
    CREATE TABLE registration_keys (
      registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      value TEXT NOT NULL
    ) STRICT;
    CREATE INDEX registration_keys_lookup ON registration_keys (kind, value);
    CREATE INDEX registration_keys_registration ON registration_keys (registration_id);
    CREATE TABLE registration_grams (
      registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
      gram TEXT NOT NULL
    ) STRICT;
    CREATE INDEX registration_grams_lookup ON registration_grams (gram, registration_id);
    CREATE INDEX registration_grams_registration ON registration_grams (registration_id);

    CREATE TABLE protections (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id),
      registration_id INTEGER NOT NULL REFERENCES registrations(id),
      owner_id INTEGER NOT NULL REFERENCES users(id),
      kind TEXT NOT NULL CHECK (kind IN ('open', 'won')),
      status TEXT NOT NULL CHECK (status IN ('active', 'released', 'ended')),
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      extensions INTEGER NOT NULL DEFAULT 0,
      reminded_at TEXT,
      ended_at TEXT
    ) STRICT;
    -- At most one active protection per customer, enforced by the database itself.
    CREATE UNIQUE INDEX protections_one_active ON protections (customer_id) WHERE status = 'active';
    CREATE INDEX protections_active_end ON protections (status, ends_at);
    CREATE INDEX protections_owner ON protections (owner_id, status);

    -- Each review decision with the reviewer's checklist (criterion, verdict, comment) as JSON.
    CREATE TABLE review_decisions (
      id INTEGER PRIMARY KEY,
      registration_id INTEGER NOT NULL REFERENCES registrations(id),
      reviewer_id INTEGER NOT NULL REFERENCES users(id),
      decision TEXT NOT NULL CHECK (decision IN ('approve', 'return', 'reject')),
      reason TEXT,
      checklist TEXT NOT NULL DEFAULT '[]',
      adjudicated_against INTEGER REFERENCES registrations(id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX review_decisions_registration ON review_decisions (registration_id, id);

    CREATE TABLE extension_requests (
      id INTEGER PRIMARY KEY,
      protection_id INTEGER NOT NULL REFERENCES protections(id),
      requested_by INTEGER NOT NULL REFERENCES users(id),
      reason TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
      decided_by INTEGER REFERENCES users(id),
      decided_at TEXT,
      decision_reason TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX extension_requests_status ON extension_requests (status, created_at);

    CREATE TABLE follow_ups (
      id INTEGER PRIMARY KEY,
      registration_id INTEGER NOT NULL REFERENCES registrations(id),
      author_id INTEGER NOT NULL REFERENCES users(id),
      kind TEXT NOT NULL CHECK (kind IN ('call', 'email', 'visit', 'meeting', 'message', 'other')),
      happened_at TEXT NOT NULL,
      content TEXT NOT NULL,
      outcome TEXT,
      next_action TEXT,
      next_due_date TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX follow_ups_registration ON follow_ups (registration_id, happened_at);
    CREATE INDEX follow_ups_due ON follow_ups (next_due_date);

    CREATE TABLE stage_history (
      id INTEGER PRIMARY KEY,
      registration_id INTEGER NOT NULL REFERENCES registrations(id),
      from_stage TEXT,
      to_stage TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      changed_by INTEGER REFERENCES users(id)
    ) STRICT;
    CREATE INDEX stage_history_registration ON stage_history (registration_id, changed_at);

    CREATE TABLE close_date_changes (
      id INTEGER PRIMARY KEY,
      registration_id INTEGER NOT NULL REFERENCES registrations(id),
      from_date TEXT,
      to_date TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      changed_by INTEGER REFERENCES users(id)
    ) STRICT;
    CREATE INDEX close_date_changes_registration ON close_date_changes (registration_id);

    CREATE TABLE notifications (
      id INTEGER PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id),
      kind TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      params TEXT NOT NULL DEFAULT '{}',
      dedupe_key TEXT,
      created_at TEXT NOT NULL,
      read_at TEXT
    ) STRICT;
    CREATE INDEX notifications_user ON notifications (user_id, read_at, id);
    CREATE UNIQUE INDEX notifications_dedupe ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;

    -- Append-only: each entry carries the hash of the one before, so an edit, a deletion or an
    -- insertion made outside the app breaks the chain at that point.
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user_id INTEGER,
      operation TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER,
      before TEXT,
      after TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
  `,
};
