import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  id: number;
  at: string;
  user_id: number | null;
  operation: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
}

/**
 * The hash of one entry covers its id and every field plus the previous entry's hash, so editing,
 * deleting or inserting a row anywhere breaks the chain from that row on.
 */
export function entryHash(e: AuditFields): string {
  const canonical = JSON.stringify([e.id, e.at, e.user_id, e.operation, e.entity, e.entity_id, e.before, e.after, e.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}
