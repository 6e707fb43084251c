import type { Database } from '../db/database';
import { verifyAuditChain } from '../services/audit/verify';

/** What the workers were told was committed: the registrations and approvals they printed an ack for. */
export interface Acknowledged {
  /** Registration id → the customer name and owner it was submitted with. */
  registrations: Map<number, { customerName: string; owner: string }>;
  /** Registration ids whose approval was confirmed. */
  approvals: number[];
}

export interface OfficeFigures {
  registrations: number;
  approved: number;
  activeProtections: number;
  auditEntries: number;
}

/**
 * Everything that must hold after any run, crash or fault: each acknowledged write is there as it was
 * acknowledged, nothing is half-written, the file and the audit chain are whole. Returns the problems
 * found (empty when all hold), so a failing test says every one of them at once.
 *
 * Written for runs that only submit and approve: a protection must belong to an approved
 * registration. A run that also wins, loses or withdraws needs those rules widened.
 */
export async function officeProblems(db: Database, acked: Acknowledged): Promise<{ problems: string[]; figures: OfficeFigures }> {
  const problems: string[] = [];
  const integrity = await db.integrityCheck();
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);

  const audit = await verifyAuditChain(db);
  if (!audit.ok) problems.push(`audit chain broken at ${JSON.stringify(audit.firstBroken)}`);

  const figures = await db.read(async (_q, tx) => {
    const all = <T>(sql: string) => tx.raw.prepare(sql).all() as T[];
    const one = (sql: string) => (tx.raw.prepare(sql).get() as { n: number }).n;

    const fk = all<{ table: string; parent: string }>('PRAGMA foreign_key_check');
    if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} rows, e.g. ${JSON.stringify(fk[0])}`);

    const rows = new Map(
      all<{ id: number; customer_name: string; status: string; owner: string }>(
        'SELECT r.id, r.customer_name, r.status, u.username AS owner FROM registrations r JOIN users u ON u.id = r.owner_id',
      ).map((r) => [r.id, r]),
    );
    for (const [id, expected] of acked.registrations) {
      const row = rows.get(id);
      if (!row) problems.push(`acknowledged registration ${id} (${expected.customerName}) is missing`);
      else if (row.customer_name !== expected.customerName || row.owner !== expected.owner)
        problems.push(`registration ${id} is ${row.customer_name}/${row.owner}, acknowledged as ${expected.customerName}/${expected.owner}`);
    }
    for (const id of acked.approvals) {
      if (rows.get(id)?.status !== 'approved') problems.push(`acknowledged approval of ${id} is lost (status ${rows.get(id)?.status})`);
    }
    if (new Set(acked.approvals).size !== acked.approvals.length) problems.push('one registration was approved twice');

    // Half-written submissions: a submitted registration without its audit entry or its conflict index.
    const unaudited = all<{ id: number }>(`
      SELECT r.id FROM registrations r WHERE r.status <> 'draft' AND NOT EXISTS (
        SELECT 1 FROM audit_log a WHERE a.entity = 'registration' AND a.entity_id = r.id AND a.operation = 'registrations.submit')`);
    if (unaudited.length > 0) problems.push(`registrations without their submit audit entry: ${unaudited.map((r) => r.id).join(', ')}`);
    const unindexed = all<{ id: number }>(`
      SELECT r.id FROM registrations r WHERE r.status IN ('submitted', 'approved')
        AND NOT EXISTS (SELECT 1 FROM registration_keys k WHERE k.registration_id = r.id)`);
    if (unindexed.length > 0) problems.push(`submitted registrations missing from the conflict index: ${unindexed.map((r) => r.id).join(', ')}`);

    // Half-written approvals: protections, decisions, audit entries and statuses only ever all together.
    const orphans = all<{ id: number }>(`
      SELECT p.id FROM protections p LEFT JOIN registrations r ON r.id = p.registration_id
       WHERE r.id IS NULL OR r.status <> 'approved' OR r.customer_id <> p.customer_id`);
    if (orphans.length > 0) problems.push(`protections without their approved registration: ${orphans.map((r) => r.id).join(', ')}`);
    // An approved registration is protected: by its own protection, or (a further opportunity with a
    // customer its owner holds) by the owner's protection of that customer.
    const unprotected = all<{ id: number }>(`
      SELECT r.id FROM registrations r WHERE r.status = 'approved' AND NOT EXISTS (
        SELECT 1 FROM protections p WHERE p.customer_id = r.customer_id AND p.owner_id = r.owner_id AND p.status = 'active')`);
    if (unprotected.length > 0) problems.push(`approved registrations without an active protection of their customer: ${unprotected.map((r) => r.id).join(', ')}`);
    const undecided = all<{ id: number }>(`
      SELECT r.id FROM registrations r WHERE r.status = 'approved' AND (
        NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.registration_id = r.id AND d.decision = 'approve')
        OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'registration' AND a.entity_id = r.id AND a.operation = 'registrations.approve'))`);
    if (undecided.length > 0) problems.push(`approved registrations without their decision or audit entry: ${undecided.map((r) => r.id).join(', ')}`);
    const twice = all<{ customer_id: number; n: number }>(
      `SELECT customer_id, COUNT(*) AS n FROM protections WHERE status = 'active' GROUP BY customer_id HAVING n > 1`,
    );
    if (twice.length > 0) problems.push(`customers with two active protections: ${twice.map((r) => r.customer_id).join(', ')}`);

    return {
      registrations: rows.size,
      approved: [...rows.values()].filter((r) => r.status === 'approved').length,
      activeProtections: one(`SELECT COUNT(*) AS n FROM protections WHERE status = 'active'`),
      auditEntries: one('SELECT COUNT(*) AS n FROM audit_log'),
    };
  });
  return { problems, figures };
}

/** Active protections per customer name, for customers whose name contains `search`. */
export function protectionsByCustomer(db: Database, search: string): Promise<Map<string, number>> {
  return db.read(async (_q, tx) => {
    const rows = tx.raw
      .prepare(
        `SELECT c.name, (SELECT COUNT(*) FROM protections p WHERE p.customer_id = c.id AND p.status = 'active') AS n
           FROM customers c WHERE instr(c.name, ?) > 0`,
      )
      .all(search) as { name: string; n: number }[];
    return new Map(rows.map((r) => [r.name, r.n]));
  });
}
