import type { SessionUser } from '../../../../../src-shared/contract';
import type { ImportMapping } from '../../../../../src-shared/contract/import';
import type { Db } from '../../../db/database';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit/record';
import { insertUser } from '../../users/handlers';
import { lookupValue } from './lookup-value';

interface NewOwner {
  username: string;
  displayName: string;
}

/** What an owner value resolves to: a user, an account the run creates, or nobody (the row is invalid). */
export type OwnerResolution = { userId: number } | { create: NewOwner } | { unknown: string };

/**
 * A password hash no password matches (verifyPassword accepts only `scrypt$…`): an imported salesperson
 * cannot sign in until an administrator sets a password and activates the account.
 */
const NO_PASSWORD = 'none';

/** "Moses Frase" → moses.frase: a username the users contract accepts, made from a name. */
function usernameFrom(name: string): string {
  const base = name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.')
    .replace(/[^\p{L}\p{N}._-]/gu, '')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 32);
  return base.length >= 2 ? base : 'sales';
}

function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Resolves every owner value of the file once: the mapping's entry for it, else the user whose
 * username or (unambiguous) display name it is, else the mapping's policy for unknown values. Only
 * administrators create accounts, so a reviewer's mapping that would create one is refused whole.
 */
export async function resolveOwners(q: Db, values: Iterable<string>, mapping: ImportMapping, importer: SessionUser): Promise<Map<string, OwnerResolution>> {
  const users = await q.selectFrom('users').select(['id', 'username', 'display_name']).execute();
  const byUsername = new Map(users.map((u) => [u.username.toLowerCase(), u.id]));
  const byDisplayName = new Map<string, number[]>();
  for (const u of users) byDisplayName.set(u.display_name, [...(byDisplayName.get(u.display_name) ?? []), u.id]);
  const taken = new Set(byUsername.keys());
  const resolved = new Map<string, OwnerResolution>();
  for (const value of values) {
    const entry = lookupValue(mapping.owners, value);
    if (entry && 'user' in entry) {
      const id = byUsername.get(entry.user.toLowerCase());
      resolved.set(value, id === undefined ? { unknown: entry.user } : { userId: id });
      continue;
    }
    const known = byUsername.get(value.toLowerCase()) ?? (byDisplayName.get(value)?.length === 1 ? byDisplayName.get(value)?.[0] : undefined);
    if (!entry && known !== undefined) resolved.set(value, { userId: known });
    else if (entry || mapping.unknownOwners === 'create') {
      const displayName = (entry?.displayName ?? value).slice(0, 50);
      resolved.set(value, { create: { username: unique(entry?.username ?? usernameFrom(value), taken), displayName } });
    } else resolved.set(value, { unknown: value });
  }
  const creates = [...resolved.values()].some((r) => 'create' in r);
  if (creates && importer.role !== 'admin') throw new AppError('FORBIDDEN', 'import.createOwnersAdminOnly');
  return resolved;
}

/** Creates the inactive salesperson accounts the resolution asked for; returns their ids by owner value. */
export async function createOwners(q: Db, resolved: Map<string, OwnerResolution>, importer: SessionUser, nowIso: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [value, resolution] of resolved) {
    if ('userId' in resolution) ids.set(value, resolution.userId);
    if (!('create' in resolution)) continue;
    const user = await insertUser(q, { ...resolution.create, role: 'sales', passwordHash: NO_PASSWORD }, nowIso);
    await q.updateTable('users').set({ active: 0 }).where('id', '=', user.id).execute();
    await recordAudit(q, { at: nowIso, userId: importer.id, operation: 'import.createUser', entity: 'user', entityId: user.id, after: { ...resolution.create, role: 'sales', active: false } });
    ids.set(value, user.id);
  }
  return ids;
}
