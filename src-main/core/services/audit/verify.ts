import type { AuditVerification } from '../../../../src-shared/contract/audit';
import type { Database } from '../../db/database';
import { type AuditFields, GENESIS_HASH, entryHash } from './chain';

type Row = AuditFields & { hash: string };

/**
 * Walks the chain in id order and names the first entry that does not fit: a gap in the ids (a row
 * deleted), a link to a hash that is not the previous entry's (a row inserted out of the app, or the
 * one before it edited), or a hash that does not match the entry's own fields (an edit).
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
      const broken = (problem: 'edited' | 'missing' | 'inserted') => ({ ok: false, entries, firstBroken: { id: row.id, problem } });
      if (row.id !== expectedId) return broken(row.id > expectedId ? 'missing' : 'inserted');
      if (row.prev_hash !== expectedPrev) return broken(previous && entryHash(previous) !== previous.hash ? 'edited' : 'inserted');
      if (entryHash(row) !== row.hash) return broken(row.prev_hash === expectedPrev ? 'edited' : 'inserted');
      previous = row;
    }
    return { ok: true, entries, firstBroken: null };
  });
}
