import type { RegistrationFields } from '../../../../src-shared/contract/registrations';
import type { Db } from '../../db/database';
import { keysOf } from './customer-input';

/** What identifies a customer on a registration: the form's customer fields, or an imported row's. */
export type CustomerFields = Pick<RegistrationFields, 'customerName' | 'customerKind' | 'phones' | 'email' | 'uscc' | 'region'>;

export interface CustomerLinks {
  poolCustomerId?: number | undefined;
  ownCustomerId?: number | undefined;
  blockingRegistrationIds: number[];
  nowIso: string;
}

/**
 * Which customer a submitted registration is for. Protection is on the customer, so every registration
 * of one customer must point at one row: the pooled customer being claimed, the one the owner already
 * holds, the one a blocking registration is for (the first committed), or a known customer with the
 * same USCC or normalized name; only then a new customer.
 */
export async function resolveCustomer(q: Db, fields: CustomerFields, links: CustomerLinks): Promise<number> {
  if (links.poolCustomerId !== undefined) return links.poolCustomerId;
  if (links.ownCustomerId !== undefined) return links.ownCustomerId;
  const firstBlocking = Math.min(...links.blockingRegistrationIds);
  if (Number.isFinite(firstBlocking)) {
    const row = await q.selectFrom('registrations').select('customer_id').where('id', '=', firstBlocking).executeTakeFirst();
    if (row?.customer_id) return row.customer_id;
  }
  const keys = keysOf(fields);
  const known = await q
    .selectFrom('customers')
    .select('id')
    .where((eb) => {
      const sameName = eb.and([eb('kind', '=', keys.kind), eb('normalized_name', '=', keys.name)]);
      return keys.uscc ? eb.or([eb('uscc', '=', keys.uscc), sameName]) : sameName;
    })
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (known) return known.id;
  const created = await q
    .insertInto('customers')
    .values({
      kind: keys.kind,
      name: fields.customerName,
      normalized_name: keys.name,
      core_name: keys.core,
      region: keys.region,
      uscc: keys.uscc,
      created_at: links.nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}
