import type { Migration } from '../migrations';

/** Days one stint in `stage` adds to its column: `p` is the stint's history entry, `until` when it ended. */
const stintDays = (stage: string, until: string) =>
  `days_in_${stage} = CASE p.to_stage WHEN '${stage}' THEN COALESCE(days_in_${stage}, 0) + MAX(0, julianday(${until}) - julianday(p.changed_at)) ELSE days_in_${stage} END`;
const addStint = (until: string) => ['initial_contact', 'needs_confirmed', 'quotation'].map((s) => stintDays(s, until)).join(',\n        ');
/** SET clause for the funnel's dates of a registration row (the trigger's row or each row). */
const funnelDates =
  'entered_at = COALESCE(approved_at, created_at), cycle_days = julianday(closed_at) - julianday(COALESCE(approved_at, created_at))';
const stageRank = (column: string) =>
  `CASE ${column} WHEN 'initial_contact' THEN 0 WHEN 'needs_confirmed' THEN 1 WHEN 'quotation' THEN 2 ELSE 3 END`;

/**
 * What follow-ups, the opportunity list and the funnel read on every screen, kept on the registration
 * row by triggers, so no writer (a service, the import, the demo generator) can forget it and the team
 * funnel is one scan of one covering index instead of a walk through a million history rows:
 * - `customer_pinyin`: the name's pinyin initials and full spelling ("xckj" finds 星辰科技), computed
 *   by `baobei_pinyin` (db/sql-functions.ts);
 * - `last_activity_at`: the latest follow-up or stage change (approval writes the first stage entry):
 *   whether an open opportunity has gone stale;
 * - `next_action`, `next_due_date`: those of the latest follow-up by when it happened, the one
 *   reminder still open; a later follow-up replaces it, one logged late leaves it alone;
 * - `stage_reached`: the furthest stage (0–3) the history ever recorded; a step back does not undo it;
 * - `days_in_<stage>`: days spent in each open stage over the stints that ended, by a stage change or
 *   by closing; NULL when no stint in that stage has ended. History is appended in time order, so the
 *   stint an entry ends is the one of the entry before it by id;
 * - `close_date_moves`, `close_date_slips`, `close_date_slip_days`: how often the expected close date
 *   was changed, how often it was pushed later, and by how many days in all (slippage);
 * - `entered_at`: when it entered the funnel (approval; creation for one never approved, as imports),
 *   and `cycle_days`, from then to its close: the funnel's dates, computed once instead of per report.
 */
export const followUpsFunnelMigration: Migration = {
  version: 3,
  name: 'follow-up reminders, pinyin search, funnel facts',
  up: `
    ALTER TABLE registrations ADD COLUMN customer_pinyin TEXT NOT NULL DEFAULT '';
    ALTER TABLE registrations ADD COLUMN last_activity_at TEXT;
    ALTER TABLE registrations ADD COLUMN next_action TEXT;
    ALTER TABLE registrations ADD COLUMN next_due_date TEXT;
    ALTER TABLE registrations ADD COLUMN stage_reached INTEGER;
    ALTER TABLE registrations ADD COLUMN days_in_initial_contact REAL;
    ALTER TABLE registrations ADD COLUMN days_in_needs_confirmed REAL;
    ALTER TABLE registrations ADD COLUMN days_in_quotation REAL;
    ALTER TABLE registrations ADD COLUMN close_date_moves INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE registrations ADD COLUMN close_date_slips INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE registrations ADD COLUMN close_date_slip_days REAL NOT NULL DEFAULT 0;
    ALTER TABLE registrations ADD COLUMN entered_at TEXT;
    ALTER TABLE registrations ADD COLUMN cycle_days REAL;
    ALTER TABLE close_date_changes ADD COLUMN reason TEXT;

    UPDATE registrations SET customer_pinyin = baobei_pinyin(customer_name);
    UPDATE registrations SET ${funnelDates};
    UPDATE registrations SET last_activity_at = (
      SELECT MAX(at) FROM (
        SELECT happened_at AS at FROM follow_ups WHERE registration_id = registrations.id
        UNION ALL SELECT changed_at FROM stage_history WHERE registration_id = registrations.id));
    UPDATE registrations SET (next_action, next_due_date) = (
      SELECT next_action, next_due_date FROM follow_ups f
      WHERE f.registration_id = registrations.id ORDER BY f.happened_at DESC, f.id DESC LIMIT 1);
    UPDATE registrations SET stage_reached = (SELECT MAX(${stageRank('to_stage')}) FROM stage_history WHERE registration_id = registrations.id);
    UPDATE registrations SET (close_date_moves, close_date_slips, close_date_slip_days) = (
      SELECT COUNT(*), TOTAL(to_date > from_date), TOTAL(MAX(0, julianday(to_date) - julianday(from_date)))
      FROM close_date_changes WHERE registration_id = registrations.id AND from_date IS NOT NULL);

    CREATE TRIGGER registrations_derive_on_insert AFTER INSERT ON registrations BEGIN
      UPDATE registrations SET customer_pinyin = baobei_pinyin(NEW.customer_name), ${funnelDates} WHERE id = NEW.id;
    END;
    CREATE TRIGGER registrations_pinyin_on_rename AFTER UPDATE OF customer_name ON registrations BEGIN
      UPDATE registrations SET customer_pinyin = baobei_pinyin(NEW.customer_name) WHERE id = NEW.id;
    END;
    CREATE TRIGGER registrations_dates_on_change AFTER UPDATE OF approved_at, created_at, closed_at ON registrations BEGIN
      UPDATE registrations SET ${funnelDates} WHERE id = NEW.id;
    END;
    CREATE TRIGGER follow_ups_touch AFTER INSERT ON follow_ups BEGIN
      UPDATE registrations SET last_activity_at = MAX(COALESCE(last_activity_at, ''), NEW.happened_at) WHERE id = NEW.registration_id;
      UPDATE registrations SET next_action = NEW.next_action, next_due_date = NEW.next_due_date
      WHERE id = NEW.registration_id
        AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.registration_id = NEW.registration_id AND f.happened_at > NEW.happened_at);
    END;
    CREATE TRIGGER stage_history_ends_stint AFTER INSERT ON stage_history BEGIN
      UPDATE registrations SET
        ${addStint('NEW.changed_at')}
      FROM (SELECT to_stage, changed_at FROM stage_history WHERE registration_id = NEW.registration_id AND id < NEW.id ORDER BY id DESC LIMIT 1) AS p
      WHERE registrations.id = NEW.registration_id AND registrations.status = 'approved';
      UPDATE registrations SET
        last_activity_at = MAX(COALESCE(last_activity_at, ''), NEW.changed_at),
        stage_reached = MAX(COALESCE(stage_reached, 0), ${stageRank('NEW.to_stage')})
      WHERE id = NEW.registration_id;
    END;
    CREATE TRIGGER registrations_close_ends_stint AFTER UPDATE OF status ON registrations
    WHEN OLD.status = 'approved' AND NEW.status IN ('won', 'lost', 'expired') BEGIN
      UPDATE registrations SET
        ${addStint("COALESCE(NEW.closed_at, NEW.updated_at)")}
      FROM (SELECT to_stage, changed_at FROM stage_history WHERE registration_id = NEW.id ORDER BY id DESC LIMIT 1) AS p
      WHERE registrations.id = NEW.id;
    END;

    CREATE TRIGGER close_date_changes_slip AFTER INSERT ON close_date_changes WHEN NEW.from_date IS NOT NULL BEGIN
      UPDATE registrations SET
        close_date_moves = close_date_moves + 1,
        close_date_slips = close_date_slips + (NEW.to_date > NEW.from_date),
        close_date_slip_days = close_date_slip_days + MAX(0, julianday(NEW.to_date) - julianday(NEW.from_date))
      WHERE id = NEW.registration_id;
    END;

    CREATE INDEX registrations_next_due ON registrations (status, next_due_date) WHERE next_due_date IS NOT NULL;
    -- What a typed search looks inside: a scan of these columns alone, not of the whole rows.
    CREATE INDEX registrations_search ON registrations (customer_pinyin, customer_name, contact_person, phones);
    -- 我的商机 opens newest first: the first page comes off this index without sorting the office.
    CREATE INDEX registrations_updated ON registrations (updated_at);
    -- Lists show each opportunity's active protection: without this, every row scans all protections.
    CREATE INDEX protections_registration ON protections (registration_id, status);
    -- The funnel reads these covering indexes, never the rows. Each leads with what one aggregate
    -- groups or ranges by, so SQLite aggregates while it scans instead of sorting 100,000 rows: the
    -- main groups (salesperson, stage, furthest stage, lost reason), the breakdowns (channel,
    -- product line, region), the trend's months (entered, closed) and the forecast's (expected).
    CREATE INDEX registrations_funnel ON registrations (
      status, owner_id, stage, stage_reached, lost_reason, source_channel, product_line, region,
      entered_at, last_activity_at, budget_fen, final_amount_fen, cycle_days,
      days_in_initial_contact, days_in_needs_confirmed, days_in_quotation, close_date_moves, close_date_slips, close_date_slip_days);
    CREATE INDEX registrations_funnel_dimensions ON registrations (
      status, source_channel, product_line, region, stage, owner_id, entered_at, last_activity_at, budget_fen, final_amount_fen, cycle_days);
    CREATE INDEX registrations_funnel_entered ON registrations (status, entered_at, owner_id, source_channel, product_line, region, budget_fen);
    CREATE INDEX registrations_funnel_closed ON registrations (
      status, closed_at, owner_id, source_channel, product_line, region, entered_at, budget_fen, final_amount_fen);
    CREATE INDEX registrations_funnel_expected ON registrations (
      status, expected_close_date, stage, owner_id, source_channel, product_line, region, entered_at, budget_fen);
  `,
};
