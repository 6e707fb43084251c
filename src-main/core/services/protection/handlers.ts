import type { registrationsContract } from '../../../../src-shared/contract/registrations';
import { isoNow, localDate, localToday } from '../../clock';
import { AppError } from '../../errors';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { recordAudit } from '../audit/record';
import { readOfficeSettings } from '../office/settings';
import { loadRegistration, toRegistration } from '../registrations/rows';
import { submitRegistration } from '../registrations/submit';
import { listPool, poolEntry } from './pool';
import { addDays } from './protect';

type ProtectionHandlers = Pick<
  HandlersFor<typeof registrationsContract>,
  'pool.list' | 'pool.claim' | 'protection.requestExtension' | 'protection.decideExtension' | 'protection.listExtensions'
>;

export const protectionHandlers = {
  'pool.list': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read(async (q) => {
      const { settings } = await readOfficeSettings(q);
      const { rows, total } = await listPool(q, input.search, input.limit, input.offset);
      const items = rows.map((r) => {
        const releasedAt = r.ended_at ?? '';
        const coolsUntil = addDays(releasedAt, settings.cooldownDays);
        const cooling = r.former_owner_id === me.id && coolsUntil > isoNow(ctx.clock);
        return {
          customerId: r.customer_id,
          customerName: r.name,
          customerKind: r.kind,
          region: r.region,
          releasedAt,
          claimableFrom: cooling ? localDate(new Date(coolsUntil)) : null,
          lastRegistrationId: r.registration_id,
        };
      });
      return { items, total };
    });
  },

  'pool.claim': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations', 'reviews', 'pool', 'notifications'], async (q) => {
      const nowIso = isoNow(ctx.clock);
      const entry = await poolEntry(q, input.customerId);
      if (!entry) throw new AppError('CONFLICT', 'error.notInPool');
      const { settings } = await readOfficeSettings(q);
      const coolsUntil = addDays(entry.ended_at ?? nowIso, settings.cooldownDays);
      if (entry.former_owner_id === me.id && coolsUntil > nowIso)
        throw new AppError('CONFLICT', 'error.cooldown', { until: localDate(new Date(coolsUntil)) });
      const { id } = await submitRegistration(q, {
        me,
        nowIso,
        today: localToday(ctx.clock),
        fields: input.fields,
        existing: null,
        poolCustomerId: input.customerId,
      });
      return { registration: toRegistration(await loadRegistration(q, id)) };
    });
  },

  'protection.requestExtension': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['reviews'], async (q) => {
      const registration = await loadRegistration(q, input.registrationId);
      if (registration.owner_id !== me.id) throw new AppError('NOT_FOUND');
      const protection = await q
        .selectFrom('protections')
        .selectAll()
        .where('registration_id', '=', registration.id)
        .where('status', '=', 'active')
        .where('kind', '=', 'open')
        .executeTakeFirst();
      if (!protection) throw new AppError('CONFLICT', 'error.notProtected');
      const { settings } = await readOfficeSettings(q);
      if (protection.extensions >= settings.maxExtensions) throw new AppError('CONFLICT', 'error.extensionLimit', { max: settings.maxExtensions });
      const pending = await q
        .selectFrom('extension_requests')
        .select('id')
        .where('protection_id', '=', protection.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (pending) throw new AppError('CONFLICT', 'error.extensionPending');
      const at = isoNow(ctx.clock);
      const row = await q
        .insertInto('extension_requests')
        .values({ protection_id: protection.id, requested_by: me.id, reason: input.reason, status: 'pending', created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(q, { at, userId: me.id, operation: 'protection.requestExtension', entity: 'registration', entityId: registration.id, after: { requestId: row.id, reason: input.reason } });
      return { requestId: row.id };
    });
  },

  'protection.decideExtension': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['reviews', 'registrations', 'notifications'], async (q) => {
      const request = await q.selectFrom('extension_requests').selectAll().where('id', '=', input.requestId).executeTakeFirst();
      if (!request) throw new AppError('NOT_FOUND');
      if (request.status !== 'pending') throw new AppError('CONFLICT', 'error.notEditable');
      if (request.requested_by === me.id) throw new AppError('FORBIDDEN', 'error.ownRegistration');
      const protection = await q.selectFrom('protections').selectAll().where('id', '=', request.protection_id).executeTakeFirstOrThrow();
      const at = isoNow(ctx.clock);
      const { settings } = await readOfficeSettings(q);
      let protectedUntil: string | null = null;
      if (input.approve) {
        if (protection.status !== 'active') throw new AppError('CONFLICT', 'error.notProtected');
        if (protection.extensions >= settings.maxExtensions) throw new AppError('CONFLICT', 'error.extensionLimit', { max: settings.maxExtensions });
        const endsAt = addDays(protection.ends_at, settings.extensionDays);
        await q
          .updateTable('protections')
          .set({ ends_at: endsAt, extensions: protection.extensions + 1, reminded_at: null })
          .where('id', '=', protection.id)
          .execute();
        protectedUntil = localDate(new Date(endsAt));
      }
      const status = input.approve ? ('approved' as const) : ('rejected' as const);
      await q
        .updateTable('extension_requests')
        .set({ status, decided_by: me.id, decided_at: at, decision_reason: input.reason ?? null })
        .where('id', '=', request.id)
        .execute();
      await q
        .insertInto('notifications')
        .values({
          user_id: request.requested_by,
          kind: `extension.${status}`,
          entity: 'registration',
          entity_id: protection.registration_id,
          params: JSON.stringify({ until: protectedUntil ?? localDate(new Date(protection.ends_at)), reason: input.reason ?? '' }),
          created_at: at,
        })
        .execute();
      await recordAudit(q, { at, userId: me.id, operation: 'protection.decideExtension', entity: 'registration', entityId: protection.registration_id, before: request, after: { status, protectedUntil } });
      return { requestId: request.id, status, protectedUntil };
    });
  },

  'protection.listExtensions': async (input, ctx) =>
    requireDb(ctx).read(async (q) => {
      const rows = await q
        .selectFrom('extension_requests as e')
        .innerJoin('protections as p', 'p.id', 'e.protection_id')
        .innerJoin('registrations as r', 'r.id', 'p.registration_id')
        .innerJoin('users as u', 'u.id', 'e.requested_by')
        .select(['e.id', 'e.reason', 'e.status', 'e.created_at', 'p.registration_id', 'p.ends_at', 'p.extensions', 'r.customer_name', 'u.display_name'])
        .where('e.status', '=', input.status)
        .orderBy('e.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        registrationId: r.registration_id,
        customerName: r.customer_name,
        requestedBy: r.display_name,
        reason: r.reason,
        status: r.status,
        protectedUntil: localDate(new Date(r.ends_at)),
        extensionsUsed: r.extensions,
        createdAt: r.created_at,
      }));
    }),
} satisfies ProtectionHandlers;
