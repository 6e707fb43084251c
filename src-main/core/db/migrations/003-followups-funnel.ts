import type { Migration } from '../migrations';

/**
 * What follow-ups, the opportunity list and the funnel read on every screen, kept on the registration
 * row by triggers so no writer (a service, the import, the demo generator) can forget it:
 * - `customer_pinyin`: the name's pinyin initials and full spelling ("xckj" finds 星辰科技), computed
 *   by `baobei_pinyin` (db/sql-functions.ts);
 * - `last_activity_at`: the latest follow-up or stage change (approval writes the first stage entry),
 *   which says whether an open opportunity has gone stale;
 * - `next_action`, `next_due_date`: those of the latest follow-up by when it happened, i.e. the one
 *   reminder that is still open; a later follow-up replaces it.
 */
export const followUpsFunnelMigration: Migration = {
  version: 3,
  name: 'follow-up reminders, pinyin search, funnel indexes',
  up: `
    ALTER TABLE registrations ADD COLUMN customer_pinyin TEXT NOT NULL DEFAULT '';
    ALTER TABLE registrations ADD COLUMN last_activity_at TEXT;
    ALTER TABLE registrations ADD COLUMN next_action TEXT;
    ALTER TABLE registrations ADD COLUMN next_due_date TEXT;

    UPDATE registrations SET customer_pinyin = baobei_pinyin(customer_name);
    UPDATE registrations SET last_activity_at = (
      SELECT MAX(at) FROM (
        SELECT happened_at AS at FROM follow_ups WHERE registration_id = registrations.id
        UNION ALL SELECT changed_at FROM stage_history WHERE registration_id = registrations.id));
    UPDATE registrations SET (next_action, next_due_date) = (
      SELECT next_action, next_due_date FROM follow_ups f
      WHERE f.registration_id = registrations.id ORDER BY f.happened_at DESC, f.id DESC LIMIT 1);

    CREATE TRIGGER registrations_pinyin_on_insert AFTER INSERT ON registrations BEGIN
      UPDATE registrations SET customer_pinyin = baobei_pinyin(NEW.customer_name) WHERE id = NEW.id;
    END;
    CREATE TRIGGER registrations_pinyin_on_rename AFTER UPDATE OF customer_name ON registrations BEGIN
      UPDATE registrations SET customer_pinyin = baobei_pinyin(NEW.customer_name) WHERE id = NEW.id;
    END;
    CREATE TRIGGER stage_history_touches AFTER INSERT ON stage_history BEGIN
      UPDATE registrations SET last_activity_at = MAX(COALESCE(last_activity_at, ''), NEW.changed_at) WHERE id = NEW.registration_id;
    END;
    -- A follow-up logged late (happened before the latest one) adds to the log but leaves the open
    -- next action alone.
    CREATE TRIGGER follow_ups_touch AFTER INSERT ON follow_ups BEGIN
      UPDATE registrations SET last_activity_at = MAX(COALESCE(last_activity_at, ''), NEW.happened_at) WHERE id = NEW.registration_id;
      UPDATE registrations SET next_action = NEW.next_action, next_due_date = NEW.next_due_date
      WHERE id = NEW.registration_id
        AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.registration_id = NEW.registration_id AND f.happened_at > NEW.happened_at);
    END;

    CREATE INDEX registrations_next_due ON registrations (next_due_date, owner_id) WHERE next_due_date IS NOT NULL;
    CREATE INDEX registrations_stale ON registrations (status, stage, last_activity_at);
    CREATE INDEX registrations_pinyin ON registrations (customer_pinyin);
    CREATE INDEX stage_history_stage ON stage_history (to_stage, changed_at);
  `,
};
