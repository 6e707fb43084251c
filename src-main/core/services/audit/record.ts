import type { Db } from '../../db/database';
import { GENESIS_HASH, entryHash } from './chain';

export interface AuditEntry {
  at: string;
  userId: number | null;
  operation: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

const asJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Appends to the audit chain inside the caller's write transaction: the change and its audit entry
 * commit together or not at all. Write transactions are serialized, so reading the last hash here is
 * race-free.
 */
export async function recordAudit(q: Db, entry: AuditEntry): Promise<void> {
  const last = await q.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields = {
    id: (last?.id ?? 0) + 1,
    at: entry.at,
    user_id: entry.userId,
    operation: entry.operation,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: asJson(entry.before),
    after: asJson(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await q
    .insertInto('audit_log')
    .values({ ...fields, hash: entryHash(fields) })
    .execute();
}
