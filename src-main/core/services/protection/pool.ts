import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { containsText } from '../../db/text-search';

/** Statuses in which a registration claims its customer: while one exists, the customer is not in the pool. */
export const claimingStatuses = ['submitted', 'returned', 'approved'] as const;

/**
 * The public pool is derived, never stored: customers whose latest protection was released at expiry
 * and that nobody has claimed since. Nothing can drift out of step with the registrations.
 */
export function poolQuery(q: Db, search?: string) {
  let query = q
    .selectFrom('customers as c')
    .innerJoin('protections as p', 'p.customer_id', 'c.id')
    .innerJoin('registrations as r', 'r.id', 'p.registration_id')
    .where('p.status', '=', 'released')
    .where('p.id', '=', (eb) => eb.selectFrom('protections as p2').select((e) => e.fn.max('p2.id').as('m')).whereRef('p2.customer_id', '=', 'c.id'))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('registrations as claim')
            .select(sql.lit(1).as('one'))
            .whereRef('claim.customer_id', '=', 'c.id')
            .where('claim.status', 'in', claimingStatuses),
        ),
      ),
    );
  if (search) query = query.where(containsText('c.name', search));
  return query;
}

export async function listPool(q: Db, search: string | undefined, limit: number, offset: number) {
  const base = poolQuery(q, search);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['c.id as customer_id', 'c.name', 'c.kind', 'c.region', 'p.ended_at', 'p.owner_id as former_owner_id', 'r.id as registration_id'])
    .orderBy('p.ended_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: Number(total.n) };
}

export function poolEntry(q: Db, customerId: number) {
  return poolQuery(q)
    .select(['c.id as customer_id', 'p.ended_at', 'p.owner_id as former_owner_id'])
    .where('c.id', '=', customerId)
    .executeTakeFirst();
}
