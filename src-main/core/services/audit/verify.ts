import type { AuditVerification } from '../../../../src-shared/contract/audit';
import type { Database } from '../../db/database';
import { type AuditFields, GENESIS_HASH, entryHash } from './chain';

type Row = AuditFields & { hash: string };

/**
 * Walks the chain in id order and names the first entry that does not fit: a gap in the ids (a row
 * deleted), or a link or hash that does not match (a row edited, or inserted out of the app).
 *
 * Without a secret nobody can hold on a shared drive, someone who recomputes every later hash could
 * rewrite history undetected, and removing the newest entries leaves no gap: the chain proves that
 * the app's log was not edited with a database tool, not that it is complete to the last entry.
 */
export function verifyAuditChain(db: Database): Promise<AuditVerification> {
  return db.read(async (_q, tx) => {
    const rows = tx.raw.prepare('SELECT id, at, user_id, operation, entity, entity_id, before, after, prev_hash, hash FROM audit_log ORDER BY id').iterate() as IterableIterator<Row>;
    let previous: Row | null = null;
    let entries = 0;
    for (const row of rows) {
      entries++;
      const expectedId = previous ? previous.id + 1 : 1;
      const expectedPrev = previous ? previous.hash : GENESIS_HASH;
      const broken = (problem: 'missing' | 'tampered') => ({ ok: false, entries, firstBroken: { id: row.id, problem } });
      // An id that skips ahead means entries were deleted; anything else that does not fit means this
      // entry was written or changed outside the app.
      if (row.id > expectedId) return broken('missing');
      if (row.id !== expectedId || row.prev_hash !== expectedPrev || entryHash(row) !== row.hash) return broken('tampered');
      previous = row;
    }
    return { ok: true, entries, firstBroken: null };
  });
}
