import type { registrationsContract } from '../../../../src-shared/contract/registrations';
import { isoNow, localToday } from '../../clock';
import { containsText } from '../../db/text-search';
import { AppError } from '../../errors';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { recordAudit } from '../audit/record';
import { findConflicts } from '../conflicts/find';
import { unindexRegistration } from '../conflicts/index-keys';
import { checkCanSee, checkOwnerMay, isReviewer } from './access';
import { decide } from '../review/decide';
import { fieldColumns, loadRegistration, selectRegistrations, toRegistration } from './rows';
import { submitRegistration } from './submit';

type RegistrationHandlers = Pick<
  HandlersFor<typeof registrationsContract>,
  | 'conflicts.check'
  | 'registrations.saveDraft'
  | 'registrations.submit'
  | 'registrations.withdraw'
  | 'registrations.discard'
  | 'registrations.get'
  | 'registrations.list'
  | 'registrations.approve'
>;

export const registrationHandlers = {
  'conflicts.check': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read((q) =>
      findConflicts(q, input, { viewer: me, nowIso: isoNow(ctx.clock), excludeRegistrationId: input.excludeRegistrationId }),
    );
  },

  'registrations.saveDraft': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations'], async (q) => {
      const at = isoNow(ctx.clock);
      let id = input.id;
      if (id === undefined) {
        const row = await q
          .insertInto('registrations')
          .values({ ...fieldColumns(input.fields), owner_id: me.id, status: 'draft', created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
      } else {
        const before = await loadRegistration(q, id);
        // A returned registration keeps its status while edited, so the reviewer's reason stays in view.
        checkOwnerMay(me, before, ['draft', 'returned'], input.version);
        await q
          .updateTable('registrations')
          .set((eb) => ({ ...fieldColumns(input.fields), updated_at: at, version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .execute();
      }
      const after = await loadRegistration(q, id);
      await recordAudit(q, { at, userId: me.id, operation: 'registrations.saveDraft', entity: 'registration', entityId: id, after });
      return toRegistration(after);
    });
  },

  'registrations.submit': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations', 'reviews', 'notifications'], async (q) => {
      const existing = input.id === undefined ? null : await loadRegistration(q, input.id);
      if (existing) checkOwnerMay(me, existing, ['draft', 'returned'], input.version);
      const { id, conflicts } = await submitRegistration(q, {
        me,
        nowIso: isoNow(ctx.clock),
        today: localToday(ctx.clock),
        fields: input.fields,
        existing,
        conflictJustification: input.conflictJustification,
      });
      return { registration: toRegistration(await loadRegistration(q, id)), conflicts };
    });
  },

  'registrations.withdraw': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations', 'reviews'], async (q) => {
      const before = await loadRegistration(q, input.id);
      checkOwnerMay(me, before, ['submitted', 'returned'], input.version);
      const at = isoNow(ctx.clock);
      // Back to draft: the claim on the customer ends, what was typed stays.
      await q
        .updateTable('registrations')
        .set((eb) => ({ status: 'draft', submitted_at: null, needs_adjudication: 0, updated_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', input.id)
        .execute();
      await unindexRegistration(q, input.id);
      const after = await loadRegistration(q, input.id);
      await recordAudit(q, { at, userId: me.id, operation: 'registrations.withdraw', entity: 'registration', entityId: input.id, before, after });
      return toRegistration(after);
    });
  },

  'registrations.discard': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations'], async (q) => {
      const before = await loadRegistration(q, input.id);
      checkOwnerMay(me, before, ['draft'], input.version);
      await q.deleteFrom('registrations').where('id', '=', input.id).execute();
      await recordAudit(q, { at: isoNow(ctx.clock), userId: me.id, operation: 'registrations.discard', entity: 'registration', entityId: input.id, before });
      return { id: input.id };
    });
  },

  'registrations.get': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read(async (q) => {
      const row = await loadRegistration(q, input.id);
      checkCanSee(me, row);
      return toRegistration(row);
    });
  },

  'registrations.list': async (input, ctx) => {
    const me = requireUser(ctx);
    if (input.scope === 'team' && !isReviewer(me)) throw new AppError('FORBIDDEN');
    return requireDb(ctx).read(async (q) => {
      let query = selectRegistrations(q);
      if (input.scope === 'mine') query = query.where('r.owner_id', '=', me.id);
      if (input.statuses?.length) query = query.where('r.status', 'in', input.statuses);
      if (input.search) query = query.where(containsText('r.customer_name', input.search));
      const total = await query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await query.orderBy('r.id', 'desc').limit(input.limit).offset(input.offset).execute();
      return { items: rows.map(toRegistration), total: Number(total.n) };
    });
  },

  'registrations.approve': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations', 'reviews', 'pool', 'notifications'], async (q) => {
      await decide(q, {
        id: input.id,
        version: input.version,
        reviewer: me,
        decision: 'approve',
        checklist: [],
        vouchAll: true,
        nowIso: isoNow(ctx.clock),
        today: localToday(ctx.clock),
      });
      return toRegistration(await loadRegistration(q, input.id));
    });
  },
} satisfies RegistrationHandlers;
