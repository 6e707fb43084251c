import type { Migration } from '../migrations';

/**
 * The import's memory: one column and value mapping per header set (the sorted, normalized headers
 * of a file), so the next export from the same system comes in without mapping it again; and an index
 * on the other system's ids, by which a file imported twice is recognized row by row.
 */
export const importMigration: Migration = {
  version: 4,
  name: 'import mappings',
  up: `
    CREATE TABLE import_mappings (
      header_set TEXT PRIMARY KEY,
      headers TEXT NOT NULL,
      mapping TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES users(id)
    ) STRICT;
    CREATE INDEX registrations_external_id ON registrations (external_id) WHERE external_id IS NOT NULL;
  `,
};
