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

export interface Schema {
  users: UsersTable;
  area_versions: AreaVersionsTable;
  schema_migrations: SchemaMigrationsTable;
}
