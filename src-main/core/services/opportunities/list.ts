import { type Expression, type SqlBool, sql } from 'kysely';
import type { OpportunityListItem, opportunitySortKeys } from '../../../../src-shared/contract/followups';
import { localDate } from '../../clock';
import type { Db } from '../../db/database';
import { fromFen } from '../registrations/rows';
import { enteredAt } from './scope';

export type OpportunitySort = { by: (typeof opportunitySortKeys)[number]; direction: 'asc' | 'desc' };

const stageOrder = sql<number>`CASE r.stage WHEN 'initial_contact' THEN 0 WHEN 'needs_confirmed' THEN 1 WHEN 'quotation' THEN 2 ELSE 3 END`;
const sortExpressions = {
  updatedAt: sql`r.updated_at`,
  enteredAt,
  // Chinese names sort by their pinyin, the way people look them up.
  customerName: sql`r.customer_pinyin`,
  amount: sql`COALESCE(r.final_amount_fen, r.budget_fen)`,
  expectedCloseDate: sql`r.expected_close_date`,
  lastActivityAt: sql`r.last_activity_at`,
  nextDueDate: sql`r.next_due_date`,
  stage: stageOrder,
} satisfies Record<OpportunitySort['by'], Expression<unknown>>;

/**
 * One page of opportunities matching `where`, sorted, with the total. The page's ids are found first
 * (from an index where one covers the condition and the sort), and only those rows are read and joined
 * with their owner and protection. Empty values sort last either way, and the id breaks ties, so paging
 * through a list that does not change never repeats a row.
 */
export async function opportunityPage(
  q: Db,
  where: Expression<SqlBool>,
  sort: OpportunitySort,
  page: { limit: number; offset: number },
): Promise<{ items: OpportunityListItem[]; total: number }> {
  const total = await q
    .selectFrom('registrations as r')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const ids = (
    await q
      .selectFrom('registrations as r')
      .select('r.id')
      .where(where)
      .orderBy(sortExpressions[sort.by], (ob) => (sort.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast())
      .orderBy('r.id', sort.direction)
      .limit(page.limit)
      .offset(page.offset)
      .execute()
  ).map((r) => r.id);
  const rows =
    ids.length === 0
      ? []
      : await q
          .selectFrom('registrations as r')
          .innerJoin('users as u', 'u.id', 'r.owner_id')
          .leftJoin('protections as p', (join) => join.onRef('p.registration_id', '=', 'r.id').on('p.status', '=', 'active'))
          .select([
            'r.id',
            'r.version',
            'r.status',
            'r.stage',
            'r.customer_name',
            'r.contact_person',
            'r.owner_id',
            'u.display_name as owner_name',
            'r.region',
            'r.source_channel',
            'r.product_line',
            'r.budget_fen',
            'r.final_amount_fen',
            'r.expected_close_date',
            enteredAt.as('entered_at'),
            'r.closed_at',
            'r.lost_reason',
            'r.last_activity_at',
            'r.next_action',
            'r.next_due_date',
            'p.ends_at as protection_ends_at',
            'r.updated_at',
          ])
          .where('r.id', 'in', ids)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        version: r.version,
        status: r.status,
        stage: r.stage,
        customerName: r.customer_name,
        contactPerson: r.contact_person,
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        region: r.region,
        sourceChannel: r.source_channel,
        productLine: r.product_line,
        budget: fromFen(r.budget_fen),
        amount: fromFen(r.final_amount_fen ?? r.budget_fen),
        expectedCloseDate: r.expected_close_date,
        enteredAt: r.entered_at,
        closedAt: r.closed_at,
        lostReason: r.lost_reason,
        lastActivityAt: r.last_activity_at,
        nextAction: r.next_action,
        nextDueDate: r.next_due_date,
        protectedUntil: r.protection_ends_at ? localDate(new Date(r.protection_ends_at)) : null,
        updatedAt: r.updated_at,
      },
    ];
  });
  return { items, total: Number(total.n) };
}
