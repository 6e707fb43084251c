import type BetterSqlite3 from 'better-sqlite3';
import { criteria } from '../../../src-shared/domain/review/checks';
import { keysOf } from '../services/conflicts/customer-input';
import { storedGrams, storedKeyRows } from '../services/conflicts/stored-keys';
import { toFen } from '../services/registrations/rows';
import { iso } from './calendar';
import type { DemoCustomer } from './customers';
import { type DealDetails, dealDetails, type StageChange } from './details';
import { DAY_MS } from './lifecycle';
import { type Random, seededRandom } from './random';
import type { ScheduledDeal } from './schedule';
import { adjudicationJustifications, extensionReasons, rejectionReasons, returnReasons, type ReviewReason, rivalRejection } from './texts';

/** Statuses in which a registration claims its customer and so sits in the conflict index. */
const indexedStatuses = new Set(['submitted', 'returned', 'approved']);

export interface WriteContext {
  now: number;
  salespeople: number[];
  reviewers: number[];
  reminderDays: number;
  lostReasons: readonly string[];
}

/** Ids of what was written so far, kept across write transactions. */
export interface WrittenIds {
  customers: Map<DemoCustomer, number>;
  deals: Map<ScheduledDeal, number>;
}

/**
 * Writes scheduled deals with prepared statements on the transaction's own connection: the app's
 * query builder would cost more than the inserts themselves at 100,000 rows. Columns are filled the
 * way the app's operations fill them (registrations/submit.ts, review/decide.ts, protection/*), the
 * conflict index with the app's own rows (conflicts/index-keys.ts), and in the app's order where
 * triggers derive facts from it: a deal that closed is written approved, its stage history added,
 * and then closed, so the funnel's per-stage durations come out as the app's would.
 */
export class DealWriter {
  private readonly statements;

  constructor(
    raw: BetterSqlite3.Database,
    private readonly ctx: WriteContext,
    private readonly ids: WrittenIds,
  ) {
    this.statements = {
      customer: raw.prepare(
        `INSERT INTO customers (kind, name, normalized_name, core_name, region, uscc, created_at)
         VALUES (@kind, @name, @normalized_name, @core_name, @region, @uscc, @created_at)`,
      ),
      registration: raw.prepare(
        `INSERT INTO registrations (customer_id, owner_id, status, stage, customer_name, customer_kind, contact_person, phones, email,
           uscc, region, need_description, budget_fen, expected_close_date, source_channel, product_line, conflict_justification,
           needs_adjudication, from_pool, submitted_at, decided_at, decided_by, decision_reason, approved_at, final_amount_fen,
           closed_at, lost_reason, lost_comment, gram_count, version, created_at, updated_at)
         VALUES (@customer_id, @owner_id, @status, @stage, @customer_name, @customer_kind, @contact_person, @phones, @email,
           @uscc, @region, @need_description, @budget_fen, @expected_close_date, @source_channel, @product_line, @conflict_justification,
           @needs_adjudication, @from_pool, @submitted_at, @decided_at, @decided_by, @decision_reason, @approved_at, @final_amount_fen,
           @closed_at, @lost_reason, @lost_comment, @gram_count, @version, @created_at, @updated_at)`,
      ),
      close: raw.prepare('UPDATE registrations SET status = ? WHERE id = ?'),
      key: raw.prepare('INSERT INTO registration_keys (registration_id, kind, value) VALUES (?, ?, ?)'),
      gram: raw.prepare('INSERT INTO registration_grams (registration_id, gram) VALUES (?, ?)'),
      protection: raw.prepare(
        `INSERT INTO protections (customer_id, registration_id, owner_id, kind, status, starts_at, ends_at, extensions, reminded_at, ended_at)
         VALUES (@customer_id, @registration_id, @owner_id, @kind, @status, @starts_at, @ends_at, @extensions, @reminded_at, @ended_at)`,
      ),
      extension: raw.prepare(
        `INSERT INTO extension_requests (protection_id, requested_by, reason, status, decided_by, decided_at, decision_reason, created_at)
         VALUES (@protection_id, @requested_by, @reason, @status, @decided_by, @decided_at, @decision_reason, @created_at)`,
      ),
      review: raw.prepare(
        `INSERT INTO review_decisions (registration_id, reviewer_id, decision, reason, checklist, adjudicated_against, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      stage: raw.prepare('INSERT INTO stage_history (registration_id, from_stage, to_stage, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)'),
      closeDate: raw.prepare('INSERT INTO close_date_changes (registration_id, from_date, to_date, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)'),
      followUp: raw.prepare(
        `INSERT INTO follow_ups (registration_id, author_id, kind, happened_at, content, outcome, next_action, next_due_date, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Writes one deal with everything that belongs to it; returns its registration id. */
  write(deal: ScheduledDeal): number {
    const rng = seededRandom(deal.seed);
    const details = dealDetails(rng, deal.customer, deal, this.ctx.now, this.ctx.lostReasons);
    const ownerId = this.ctx.salespeople[deal.owner]!;
    const reviewerId = this.ctx.reviewers[deal.reviewer]!;
    // A draft names no customer yet: the customer row is made at the first submission (resolveCustomer).
    const customerId = deal.status === 'draft' ? null : this.customerId(deal.customer, deal.submittedAt ?? deal.createdAt);
    const indexed = indexedStatuses.has(deal.status) || deal.wonKeep?.active === true;
    const keys = indexed ? keysOf(probeOf(deal, details)) : null;
    const rejection = deal.status === 'rejected' ? (deal.rivalOf ? rivalRejection : rng.pick(rejectionReasons)) : null;
    const returned = deal.returnedAt === null ? null : rng.pick(returnReasons);
    const decidedAt = deal.rejectedAt ?? deal.approvedAt ?? (deal.status === 'returned' ? deal.returnedAt : null);
    const closes = deal.status === 'won' || deal.status === 'lost' || deal.status === 'expired';
    const id = Number(
      this.statements.registration.run({
        customer_id: customerId,
        owner_id: ownerId,
        status: closes ? 'approved' : deal.status,
        stage: details.stage,
        customer_name: deal.customer.name,
        customer_kind: deal.customer.kind,
        contact_person: details.fields.contactPerson,
        phones: JSON.stringify(details.fields.phones),
        email: details.fields.email,
        uscc: details.fields.uscc,
        region: details.fields.region,
        need_description: details.fields.needDescription,
        budget_fen: toFen(details.fields.budgetYuan),
        expected_close_date: details.expectedCloseDate,
        source_channel: details.fields.sourceChannel,
        product_line: details.fields.productLine,
        conflict_justification: deal.rivalOf ? rng.pick(adjudicationJustifications) : null,
        needs_adjudication: deal.rivalOf && deal.status === 'submitted' ? 1 : 0,
        from_pool: deal.fromPool ? 1 : 0,
        submitted_at: deal.submittedAt === null ? null : iso(deal.submittedAt),
        decided_at: decidedAt === null ? null : iso(decidedAt),
        decided_by: decidedAt === null ? null : reviewerId,
        decision_reason: rejection?.reason ?? (deal.status === 'returned' ? returned?.reason : null) ?? null,
        approved_at: deal.approvedAt === null ? null : iso(deal.approvedAt),
        final_amount_fen: details.finalAmountYuan === null ? null : toFen(details.finalAmountYuan),
        closed_at: deal.closedAt === null ? null : iso(deal.closedAt),
        lost_reason: details.lostReason,
        lost_comment: details.lostComment,
        gram_count: keys?.grams.length ?? 0,
        version: versionOf(deal, details),
        created_at: iso(deal.createdAt),
        updated_at: iso(lastChange(deal, details)),
      }).lastInsertRowid,
    );
    this.ids.deals.set(deal, id);
    if (keys) {
      for (const k of storedKeyRows(keys)) this.statements.key.run(id, k.kind, k.value);
      for (const gram of storedGrams(keys)) this.statements.gram.run(id, gram);
    }
    if (returned && deal.returnedAt !== null) this.review(rng, id, reviewerId, 'return', returned, deal.returnedAt, null);
    if (rejection && deal.rejectedAt !== null) {
      const against = deal.rivalOf ? (this.ids.deals.get(deal.rivalOf) ?? null) : null;
      this.review(rng, id, reviewerId, 'reject', rejection, deal.rejectedAt, against);
    }
    if (deal.approvedAt !== null) this.review(rng, id, reviewerId, 'approve', null, deal.approvedAt, null);
    if (customerId !== null) this.writeProtections(deal, id, customerId, ownerId, reviewerId);
    // A win's 合同签订 entry follows the close, as markWon writes it: it adds no stint of its own.
    const afterClose = deal.status === 'won' ? details.stageHistory.slice(-1) : [];
    const writeStage = (change: StageChange) =>
      this.statements.stage.run(id, change.from, change.to, iso(change.at), change.from === null ? reviewerId : ownerId);
    details.stageHistory.slice(0, details.stageHistory.length - afterClose.length).forEach(writeStage);
    if (closes) this.statements.close.run(deal.status, id);
    afterClose.forEach(writeStage);
    for (const change of details.closeDateChanges) this.statements.closeDate.run(id, change.from, change.to, iso(change.at), ownerId);
    for (const f of details.followUps) {
      const createdAt = Math.min(this.ctx.now, f.at + 10 * 60 * 1000);
      this.statements.followUp.run(id, ownerId, f.kind, iso(f.at), f.content, f.outcome, f.nextAction, f.nextDueDate, iso(createdAt));
    }
    return id;
  }

  private customerId(customer: DemoCustomer, firstSubmittedAt: number): number {
    const known = this.ids.customers.get(customer);
    if (known !== undefined) return known;
    const keys = keysOf({ customerName: customer.name, customerKind: customer.kind, phones: [], uscc: customer.uscc ?? undefined, region: customer.region });
    const id = Number(
      this.statements.customer.run({
        kind: keys.kind,
        name: customer.name,
        normalized_name: keys.name,
        core_name: keys.core,
        region: keys.region,
        uscc: keys.uscc,
        created_at: iso(firstSubmittedAt),
      }).lastInsertRowid,
    );
    this.ids.customers.set(customer, id);
    return id;
  }

  /** A decision with the reviewer's checklist: all five criteria passed for an approval, one failed otherwise. */
  private review(rng: Random, id: number, reviewerId: number, decision: 'approve' | 'return' | 'reject', why: ReviewReason | null, at: number, against: number | null): void {
    const checklist = criteria.map((criterion) => (criterion === why?.criterion ? { criterion, passed: false, comment: why.reason } : { criterion, passed: true }));
    this.statements.review.run(id, reviewerId, decision, why?.reason ?? null, JSON.stringify(checklist), against, iso(at + rng.between(0, 60) * 1000));
  }

  /** The open protection from approval with its extension requests, and after a win the keep period. */
  private writeProtections(deal: ScheduledDeal, registrationId: number, customerId: number, ownerId: number, reviewerId: number): void {
    const p = deal.protection;
    if (!p || deal.approvedAt === null) return;
    const reminder = p.endsAt - this.ctx.reminderDays * DAY_MS;
    const protectionId = Number(
      this.statements.protection.run({
        customer_id: customerId,
        registration_id: registrationId,
        owner_id: ownerId,
        kind: 'open',
        status: p.state,
        starts_at: iso(deal.approvedAt),
        ends_at: iso(p.endsAt),
        extensions: deal.extensions.filter((e) => e.approved).length,
        // A protection that ran out was reminded of; an active one is left to the app's maintenance.
        reminded_at: p.state === 'released' && reminder > deal.approvedAt ? iso(reminder) : null,
        ended_at: p.endedAt === null ? null : iso(p.endedAt),
      }).lastInsertRowid,
    );
    deal.extensions.forEach((e, i) => {
      this.statements.extension.run({
        protection_id: protectionId,
        requested_by: ownerId,
        reason: extensionReasons[i % extensionReasons.length]!,
        status: e.approved === null ? 'pending' : e.approved ? 'approved' : 'rejected',
        decided_by: e.decidedAt === null ? null : reviewerId,
        decided_at: e.decidedAt === null ? null : iso(e.decidedAt),
        decision_reason: e.approved === false ? '保护期内进展不足，不予延期' : null,
        created_at: iso(e.requestedAt),
      });
    });
    if (deal.wonKeep && deal.closedAt !== null) {
      this.statements.protection.run({
        customer_id: customerId,
        registration_id: registrationId,
        owner_id: ownerId,
        kind: 'won',
        status: deal.wonKeep.active ? 'active' : 'ended',
        starts_at: iso(deal.closedAt),
        ends_at: iso(deal.wonKeep.endsAt),
        extensions: 0,
        reminded_at: null,
        ended_at: deal.wonKeep.active ? null : iso(deal.wonKeep.endsAt),
      });
    }
  }
}

/** The customer part of the form, as the conflict index keys it (see conflicts/index-keys.ts). */
function probeOf(deal: ScheduledDeal, details: DealDetails) {
  const f = details.fields;
  return {
    customerName: deal.customer.name,
    customerKind: deal.customer.kind,
    phones: f.phones,
    ...(f.email ? { email: f.email } : {}),
    ...(f.uscc ? { uscc: f.uscc } : {}),
    ...(f.region ? { region: f.region } : {}),
  };
}

/** Every change the app would have counted in `version`: submissions, decisions, stages, dates, closing. */
function versionOf(deal: ScheduledDeal, details: DealDetails): number {
  if (deal.status === 'draft') return 0;
  return (
    (deal.createdAt < (deal.submittedAt ?? 0) ? 1 : 0) +
    (deal.returnedAt === null ? 0 : deal.status === 'returned' ? 1 : 2) +
    (deal.rejectedAt === null ? 0 : 1) +
    (deal.approvedAt === null ? 0 : 1) +
    Math.max(0, details.stageHistory.length - 1) +
    details.closeDateChanges.length +
    (deal.closedAt === null ? 0 : 1)
  );
}

function lastChange(deal: ScheduledDeal, details: DealDetails): number {
  return Math.max(
    deal.createdAt,
    deal.submittedAt ?? 0,
    deal.returnedAt ?? 0,
    deal.rejectedAt ?? 0,
    deal.approvedAt ?? 0,
    deal.closedAt ?? 0,
    ...details.stageHistory.map((c) => c.at),
    ...details.closeDateChanges.map((c) => c.at),
  );
}
