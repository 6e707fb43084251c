import type { Selectable } from 'kysely';
import type { User } from '../../../../src-shared/contract';
import type { UsersTable } from '../../db/schema';

export const toUser = (row: Selectable<UsersTable>): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  active: row.active === 1,
  version: row.version,
  createdAt: row.created_at,
});
