import type { Db } from '../../db/database';
import { AppError } from '../../errors';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const addDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

export interface NewProtection {
  customerId: number;
  registrationId: number;
  ownerId: number;
  kind: 'open' | 'won';
  startsAt: string;
  endsAt: string;
}

/**
 * Protects a customer for its owner. The partial unique index allows one active protection per
 * customer: of two PCs approving the same customer, the second insert fails here, inside its own
 * write transaction, whatever either PC's clock says.
 */
export async function protectCustomer(q: Db, p: NewProtection): Promise<number> {
  try {
    const row = await q
      .insertInto('protections')
      .values({
        customer_id: p.customerId,
        registration_id: p.registrationId,
        owner_id: p.ownerId,
        kind: p.kind,
        status: 'active',
        starts_at: p.startsAt,
        ends_at: p.endsAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'error.customerProtected');
    throw e;
  }
}

export async function activeProtectionCount(q: Db, ownerId: number): Promise<number> {
  const row = await q
    .selectFrom('protections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('status', '=', 'active')
    .where('kind', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function activeProtectionOf(q: Db, customerId: number) {
  return q
    .selectFrom('protections')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Ends the active protection of a registration (a loss, a withdrawal, a win's keep period starting). */
export async function endProtection(q: Db, registrationId: number, nowIso: string): Promise<void> {
  await q
    .updateTable('protections')
    .set({ status: 'ended', ended_at: nowIso })
    .where('registration_id', '=', registrationId)
    .where('status', '=', 'active')
    .execute();
}

/**
 * A registration stops needing its customer's protection (lost, or losing an adjudication). The
 * protection is on the customer: if the owner has another approved opportunity with it, that one
 * holds the protection from now on; otherwise the protection ends.
 */
export async function handOverOrEndProtection(q: Db, registrationId: number, nowIso: string): Promise<void> {
  const held = await q.selectFrom('protections').selectAll().where('registration_id', '=', registrationId).where('status', '=', 'active').executeTakeFirst();
  if (!held) return;
  const heir = await q
    .selectFrom('registrations')
    .select('id')
    .where('customer_id', '=', held.customer_id)
    .where('owner_id', '=', held.owner_id)
    .where('status', '=', 'approved')
    .where('id', '!=', registrationId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (heir) await q.updateTable('protections').set({ registration_id: heir.id }).where('id', '=', held.id).execute();
  else await endProtection(q, registrationId, nowIso);
}
