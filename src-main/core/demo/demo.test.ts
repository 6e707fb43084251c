import { afterEach, describe, expect, it } from 'vitest';
import { defaultOfficeSettings } from '../../../src-shared/contract/office';
import { registrationFieldsSchema, statuses } from '../../../src-shared/contract/registrations';
import { Database } from '../db/database';
import { verifyAuditChain } from '../services/audit/verify';
import { findConflicts } from '../services/conflicts/find';
import { claimingStatuses, poolQuery } from '../services/protection/pool';
import { fromFen } from '../services/registrations/rows';
import { tempDbPath } from '../testing/temp-db';
import { generateDemo } from './generate';

const NOW = new Date('2026-11-27T08:00:00.000Z');
const N = 800;

const opened: { db: Database; cleanup(): void }[] = [];
afterEach(async () => {
  for (const { db, cleanup } of opened.splice(0)) {
    await db.close();
    cleanup();
  }
});

async function demo(seed = 7, opportunities = N) {
  const { file, cleanup } = tempDbPath('baobei-demo-');
  const db = await Database.open({ file, mode: 'create' });
  opened.push({ db, cleanup });
  const summary = await generateDemo(db, { opportunities, seed, password: 'demo-pass-2026', now: NOW });
  return { db, summary };
}

/** Rows of a query on the raw connection, inside a read transaction. */
const rows = <T>(db: Database, sql: string) => db.read(async (_q, tx) => tx.raw.prepare(sql).all() as T[]);

describe('demo data', () => {
  it('makes the asked number of opportunities, every status, users who can sign in, and a whole audit chain', async () => {
    const { db, summary } = await demo();
    expect(summary.opportunities).toBe(N);
    const counts = await rows<{ status: string; n: number }>(db, 'SELECT status, COUNT(*) AS n FROM registrations GROUP BY status');
    expect(Object.fromEntries(counts.map((c) => [c.status, c.n]))).toEqual(summary.byStatus);
    for (const status of statuses) expect(summary.byStatus[status], status).toBeGreaterThan(0);
    const stages = await rows<{ stage: string }>(db, 'SELECT DISTINCT stage FROM registrations ORDER BY stage');
    expect(stages).toHaveLength(4);
    expect(summary.users.admin).toBe('admin');
    expect(summary.users.salespeople[0]).toBe('sales001');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(await db.integrityCheck()).toBe('ok');
    for (const table of ['follow_ups', 'stage_history', 'close_date_changes', 'extension_requests', 'review_decisions']) {
      expect((await rows<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${table}`))[0]!.n, table).toBeGreaterThan(0);
    }
    const span = (await rows<{ first: string; last: string }>(db, 'SELECT MIN(submitted_at) AS first, MAX(submitted_at) AS last FROM registrations'))[0]!;
    expect(Date.parse(span.first)).toBeLessThan(NOW.getTime() - 500 * 24 * 3600 * 1000);
    expect(Date.parse(span.last)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('is the same for the same seed and different for another', async () => {
    const snapshot = (db: Database) =>
      rows(db, 'SELECT customer_name, status, stage, phones, email, uscc, budget_fen, submitted_at, closed_at FROM registrations ORDER BY id');
    const [a, b, c] = await Promise.all([demo(3, 300), demo(3, 300), demo(4, 300)]);
    expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
    expect(await snapshot(a.db)).not.toEqual(await snapshot(c.db));
  });

  it('fills every form field the way the form would have stored it', async () => {
    const { db } = await demo();
    const sample = await rows<Record<string, string | number | null>>(db, "SELECT * FROM registrations WHERE status <> 'draft' ORDER BY id LIMIT 400");
    for (const r of sample) {
      const form = {
        customerName: r.customer_name,
        customerKind: r.customer_kind,
        contactPerson: r.contact_person,
        phones: JSON.parse(String(r.phones)),
        ...(r.email ? { email: r.email } : {}),
        ...(r.uscc ? { uscc: r.uscc } : {}),
        ...(r.region ? { region: r.region } : {}),
        needDescription: r.need_description,
        budget: fromFen(r.budget_fen as number),
        expectedCloseDate: r.expected_close_date,
        stage: r.stage,
        sourceChannel: r.source_channel,
        productLine: r.product_line,
      };
      // Stored values are already normalized: parsing them again changes nothing.
      expect(registrationFieldsSchema.parse(form)).toMatchObject(form);
    }
  });

  it('keeps protections, the pool and the conflict index consistent with the statuses', async () => {
    const { db } = await demo();
    const check = (sql: string) => rows<{ id: number }>(db, sql);
    // An approved registration has exactly one active open protection, still running; nothing else has one.
    expect(await check(`SELECT r.id FROM registrations r WHERE r.status = 'approved' AND (SELECT COUNT(*) FROM protections p
      WHERE p.registration_id = r.id AND p.status = 'active' AND p.kind = 'open' AND p.ends_at > '${NOW.toISOString()}') <> 1`)).toEqual([]);
    expect(await check(`SELECT p.id FROM protections p JOIN registrations r ON r.id = p.registration_id WHERE p.status = 'active'
      AND NOT ((p.kind = 'open' AND r.status = 'approved') OR (p.kind = 'won' AND r.status = 'won'))`)).toEqual([]);
    expect(await check(`SELECT customer_id AS id FROM protections WHERE status = 'active' GROUP BY customer_id HAVING COUNT(*) > 1`)).toEqual([]);
    expect(await check(`SELECT r.id FROM registrations r WHERE r.status = 'expired'
      AND NOT EXISTS (SELECT 1 FROM protections p WHERE p.registration_id = r.id AND p.status = 'released')`)).toEqual([]);
    // Won deals have their amount and date; lost ones a reason from the list.
    expect(await check(`SELECT id FROM registrations WHERE status = 'won' AND (final_amount_fen IS NULL OR closed_at IS NULL OR stage <> 'contract_signed')`)).toEqual([]);
    const reasons = await rows<{ lost_reason: string }>(db, `SELECT DISTINCT lost_reason FROM registrations WHERE status = 'lost'`);
    expect(reasons.map((r) => r.lost_reason).sort()).toEqual([...defaultOfficeSettings.lostReasons].sort());
    // Funnel facts come out as the app's own operations leave them: reaching 合同签订 is winning, and
    // every closed deal has its stints timed by the schema's triggers.
    expect(await check(`SELECT id FROM registrations WHERE status = 'approved' AND stage = 'contract_signed'`)).toEqual([]);
    expect(await check(`SELECT id FROM registrations WHERE status = 'won' AND (stage_reached <> 3 OR NOT EXISTS (SELECT 1 FROM stage_history h
      WHERE h.registration_id = registrations.id AND h.to_stage = 'contract_signed' AND h.changed_at = registrations.closed_at))`)).toEqual([]);
    expect(await check(`SELECT id FROM registrations WHERE status IN ('won', 'lost', 'expired')
      AND COALESCE(days_in_initial_contact, days_in_needs_confirmed, days_in_quotation) IS NULL`)).toEqual([]);
    // The funnel's first history entry is the approval.
    expect(await check(`SELECT r.id FROM registrations r WHERE r.approved_at IS NOT NULL AND NOT EXISTS
      (SELECT 1 FROM stage_history h WHERE h.registration_id = r.id AND h.from_stage IS NULL AND h.changed_at = r.approved_at)`)).toEqual([]);
    // Exactly the registrations that claim their customer are in the conflict index, with their gram counts.
    const claiming = `r.status IN (${claimingStatuses.map((s) => `'${s}'`).join(',')})
      OR (r.status = 'won' AND EXISTS (SELECT 1 FROM protections p WHERE p.registration_id = r.id AND p.kind = 'won' AND p.status = 'active'))`;
    expect(await check(`SELECT r.id FROM registrations r WHERE (${claiming}) <> EXISTS (SELECT 1 FROM registration_keys k WHERE k.registration_id = r.id)`)).toEqual([]);
    expect(await check(`SELECT r.id FROM registrations r WHERE r.gram_count <> (SELECT COUNT(*) FROM registration_grams g WHERE g.registration_id = r.id)`)).toEqual([]);
    const pool = await db.read((q) => poolQuery(q).select('c.id').execute());
    expect(pool.length).toBeGreaterThan(0);
  });

  it('makes customers the conflict engine tells apart: a block only ever points at the same customer', async () => {
    const { db } = await demo();
    const outsider = { id: 0, username: 'outsider', displayName: 'outsider', role: 'reviewer' as const };
    const active = await rows<{ id: number; customer_id: number; customer_name: string; customer_kind: 'company' | 'person'; phones: string; email: string | null; uscc: string | null; region: string | null }>(
      db,
      "SELECT id, customer_id, customer_name, customer_kind, phones, email, uscc, region FROM registrations WHERE status IN ('submitted', 'approved') ORDER BY id",
    );
    const customerOf = new Map(active.map((r) => [r.id, r.customer_id]));
    const probes = await db.read((q) =>
      Promise.all(
        active.map(async (r) => {
          const probe = { customerName: r.customer_name, customerKind: r.customer_kind, phones: JSON.parse(r.phones) as string[], ...(r.email ? { email: r.email } : {}), ...(r.uscc ? { uscc: r.uscc } : {}), ...(r.region ? { region: r.region } : {}) };
          const report = await findConflicts(q, probe, { viewer: outsider, nowIso: NOW.toISOString(), excludeRegistrationId: r.id });
          return report.matches.filter((m) => m.level === 'block' && customerOf.has(m.registrationId) && customerOf.get(m.registrationId) !== r.customer_id);
        }),
      ),
    );
    expect(probes.flat()).toEqual([]);
  });

  it('refuses a database that already has registrations, leaving it as it was', async () => {
    const { db } = await demo(7, 50);
    const before = await rows(db, 'SELECT COUNT(*) AS n FROM users');
    await expect(generateDemo(db, { opportunities: 10, seed: 1, password: 'demo-pass-2026', now: NOW })).rejects.toMatchObject({ code: 'CONFLICT', key: 'cli.demo.notEmpty' });
    expect(await rows(db, 'SELECT COUNT(*) AS n FROM users')).toEqual(before);
  });
});
