import type { ConflictReport, RegistrationFields } from '../../../../src-shared/contract/registrations';
import type { SessionUser } from '../../../../src-shared/contract';
import { closeDateIssue } from '../../../../src-shared/domain/fields';
import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { notify, reviewerIds } from '../notifications/notify';
import { findConflicts } from '../conflicts/find';
import { indexRegistration } from '../conflicts/index-keys';
import { resolveCustomer } from '../conflicts/customers';
import { readOfficeSettings } from '../office/settings';
import { activeProtectionCount } from '../protection/protect';
import { fieldColumns, loadRegistration, type RegistrationRow } from './rows';

export interface SubmitRequest {
  me: SessionUser;
  nowIso: string;
  today: string;
  fields: RegistrationFields;
  /** The draft or returned registration being submitted; none for a new one. */
  existing: RegistrationRow | null;
  conflictJustification?: string | undefined;
  /** A claim from the public pool names its customer; conflicts are still checked. */
  poolCustomerId?: number;
}

/** Field checks that need today's date: they cannot live in the static contract schema. */
export function checkDatedFields(fields: RegistrationFields, today: string, path: (string | number)[] = ['fields']): void {
  const issue = closeDateIssue(fields.expectedCloseDate, today);
  if (issue) throw new AppError('VALIDATION', 'error.VALIDATION', undefined, [{ path: [...path, 'expectedCloseDate'], key: issue }]);
}

const normalizedNeed = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Submits inside the caller's write transaction, so the conflict check and the claim it makes are one
 * atomic step: of two PCs submitting the same customer, the one committed first is first, and the
 * other sees it. A `block` needs a justification and goes to adjudication.
 */
export async function submitRegistration(q: Db, req: SubmitRequest): Promise<{ id: number; conflicts: ConflictReport }> {
  const { me, fields, existing, nowIso } = req;
  checkDatedFields(fields, req.today);
  const { settings } = await readOfficeSettings(q);
  const conflicts = await findConflicts(q, fields, { viewer: me, nowIso, excludeRegistrationId: existing?.id });
  if (conflicts.ownCustomer) await refuseDuplicate(q, conflicts.ownCustomer.registrationIds, fields, existing?.id);
  const blocks = conflicts.matches.filter((m) => m.level === 'block');
  if (blocks.length > 0 && !req.conflictJustification) throw new AppError('CONFLICT', 'error.conflictNeedsJustification');
  if ((await activeProtectionCount(q, me.id)) >= settings.maxActiveProtections)
    throw new AppError('CONFLICT', 'error.protectionCap', { max: settings.maxActiveProtections });

  const customerId = await resolveCustomer(q, fields, {
    poolCustomerId: req.poolCustomerId,
    ownCustomerId: conflicts.ownCustomer?.customerId,
    blockingRegistrationIds: blocks.map((b) => b.registrationId),
    nowIso,
  });
  const columns = {
    ...fieldColumns(fields),
    customer_id: customerId,
    status: 'submitted' as const,
    submitted_at: nowIso,
    needs_adjudication: blocks.length > 0 ? 1 : 0,
    conflict_justification: blocks.length > 0 ? (req.conflictJustification ?? null) : null,
    from_pool: req.poolCustomerId === undefined ? (existing?.from_pool ?? 0) : 1,
    updated_at: nowIso,
  };
  let id: number;
  if (existing) {
    await q
      .updateTable('registrations')
      .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
      .where('id', '=', existing.id)
      .execute();
    id = existing.id;
  } else {
    const row = await q
      .insertInto('registrations')
      .values({ ...columns, owner_id: me.id, created_at: nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  await indexRegistration(q, id, fields);
  const after = await loadRegistration(q, id);
  await recordAudit(q, {
    at: nowIso,
    userId: me.id,
    operation: req.poolCustomerId === undefined ? 'registrations.submit' : 'pool.claim',
    entity: 'registration',
    entityId: id,
    before: existing ?? undefined,
    after,
  });
  await notify(
    q,
    await reviewerIds(q, me.id),
    { kind: 'registration.submitted', entity: 'registration', entityId: id, params: { owner: me.displayName, customer: fields.customerName } },
    nowIso,
  );
  return { id, conflicts };
}

/**
 * The owner's registration of the same customer with the same need, if any: one person registering it
 * twice is a mistake, not a new deal. Shared with the import, which reports it as the row's conflict.
 */
export async function findDuplicate(q: Db, ownIds: number[], needDescription: string, selfId?: number): Promise<number | null> {
  if (ownIds.length === 0) return null;
  const rows = await q.selectFrom('registrations').select(['id', 'need_description']).where('id', 'in', ownIds).execute();
  return rows.find((r) => r.id !== selfId && normalizedNeed(r.need_description) === normalizedNeed(needDescription))?.id ?? null;
}

async function refuseDuplicate(q: Db, ownIds: number[], fields: RegistrationFields, selfId: number | undefined): Promise<void> {
  const twin = await findDuplicate(q, ownIds, fields.needDescription, selfId);
  if (twin !== null) throw new AppError('CONFLICT', 'error.duplicateRegistration', { id: twin });
}
