import type { Migration } from '../migrations';

/**
 * Every audit entry moves the `audit` area of the change feed, whichever operation wrote it: the audit
 * screens of every PC refresh by themselves. Before, only the operations that named the area did (user
 * administration), so a list of the log went stale after a registration until reloaded by hand.
 */
export const auditAreaMigration: Migration = {
  version: 5,
  name: 'audit entries move the audit area',
  up: `
    CREATE TRIGGER audit_log_moves_audit_area AFTER INSERT ON audit_log
    BEGIN
      INSERT OR IGNORE INTO area_versions (area, version) VALUES ('audit', 0);
      UPDATE area_versions SET version = version + 1 WHERE area = 'audit';
    END;
  `,
};
