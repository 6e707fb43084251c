import { sql } from 'kysely';
import type { Database, Db } from '../../db/database';
import { fromFen } from '../registrations/rows';
import type { OpportunityScope } from '../opportunities/scope';
import { applyScope, applyScopeById } from './scope';

/** One opportunity as the 商机明细 sheet lists it. */
export interface DetailRow {
  id: number;
  customerName: string;
  customerKind: 'company' | 'person';
  contactPerson: string;
  phones: string;
  email: string | null;
  uscc: string | null;
  region: string | null;
  needDescription: string;
  budget: number | null;
  expectedCloseDate: string | null;
  stage: string;
  status: string;
  sourceChannel: string | null;
  productLine: string | null;
  ownerName: string;
  fromPool: boolean;
  submittedAt: string | null;
  approvedAt: string | null;
  protectedUntil: string | null;
  finalAmount: number | null;
  closedAt: string | null;
  lostReason: string | null;
  lastActivityAt: string | null;
  nextAction: string | null;
  nextDueDate: string | null;
  createdAt: string;
  updatedAt: string;
}

function selectDetails(q: Db, scope: OpportunityScope) {
  const query = q
    .selectFrom('registrations as r')
    .innerJoin('users as u', 'u.id', 'r.owner_id')
    // Through the customer's one active protection (a partial unique index), then to this registration;
    // the literal 'active' lets SQLite use that index, where a bound parameter would not.
    .leftJoin('protections as p', (join) =>
      join.onRef('p.customer_id', '=', 'r.customer_id').on(sql<boolean>`p.status = 'active'`).onRef('p.registration_id', '=', 'r.id'),
    )
    .select([
      'r.id',
      'r.customer_name',
      'r.customer_kind',
      'r.contact_person',
      'r.phones',
      'r.email',
      'r.uscc',
      'r.region',
      'r.need_description',
      'r.budget_fen',
      'r.expected_close_date',
      'r.stage',
      'r.status',
      'r.source_channel',
      'r.product_line',
      'u.display_name as owner_name',
      'r.from_pool',
      'r.submitted_at',
      'r.approved_at',
      'p.ends_at as protection_ends_at',
      'r.final_amount_fen',
      'r.closed_at',
      'r.lost_reason',
      'r.last_activity_at',
      'r.next_action',
      'r.next_due_date',
      'r.created_at',
      'r.updated_at',
    ]);
  return applyScopeById(query, scope);
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectDetails>['execute']>>[number];

function toDetailRow(r: Selected): DetailRow {
  return {
    id: r.id,
    customerName: r.customer_name,
    customerKind: r.customer_kind,
    contactPerson: r.contact_person,
    phones: (JSON.parse(r.phones) as string[]).join(', '),
    email: r.email,
    uscc: r.uscc,
    region: r.region,
    needDescription: r.need_description,
    budget: fromFen(r.budget_fen),
    expectedCloseDate: r.expected_close_date,
    stage: r.stage,
    status: r.status,
    sourceChannel: r.source_channel,
    productLine: r.product_line,
    ownerName: r.owner_name,
    fromPool: r.from_pool === 1,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    protectedUntil: r.protection_ends_at,
    finalAmount: fromFen(r.final_amount_fen),
    closedAt: r.closed_at,
    lostReason: r.lost_reason,
    lastActivityAt: r.last_activity_at,
    nextAction: r.next_action,
    nextDueDate: r.next_due_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function countDetails(db: Database, scope: OpportunityScope): Promise<number> {
  return db.read(async (q) => {
    const row = await applyScope(q.selectFrom('registrations as r').select((eb) => eb.fn.countAll<number>().as('n')), scope).executeTakeFirstOrThrow();
    return Number(row.n);
  });
}

/**
 * Every opportunity in scope, oldest first, a page per read transaction: a long export never holds
 * the lease for more than one page, so other PCs keep saving meanwhile. Pages follow the id (keyset),
 * so a row inserted during the export cannot shift a page and repeat or skip a row.
 */
export async function* detailPages(db: Database, scope: OpportunityScope, pageSize = 2_000): AsyncGenerator<DetailRow[]> {
  let after = 0;
  for (;;) {
    const page = await db.read((q) => selectDetails(q, scope).where('r.id', '>', after).orderBy('r.id').limit(pageSize).execute());
    if (page.length === 0) return;
    yield page.map(toDetailRow);
    after = page[page.length - 1]!.id;
    if (page.length < pageSize) return;
  }
}
