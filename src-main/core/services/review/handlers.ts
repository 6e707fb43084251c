import type { reviewContract } from '../../../../src-shared/contract/review';
import { allPassed } from '../../../../src-shared/domain/review/checks';
import { isoNow, localToday } from '../../clock';
import type { Db } from '../../db/database';
import { containsText } from '../../db/text-search';
import { AppError } from '../../errors';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { findConflicts } from '../conflicts/find';
import { loadRegistration, probeOfRow, selectRegistrations, toRegistration } from '../registrations/rows';
import { adjudicate } from './adjudicate';
import { checkRegistration } from './checks';
import { decide } from './decide';
import { decisionsOf } from './decisions';

const DAY_MS = 86_400_000;

export const reviewHandlers = {
  'review.queue': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read(async (q) => {
      let query = selectRegistrations(q).where('r.status', '=', 'submitted');
      if (input.ownerId !== undefined) query = query.where('r.owner_id', '=', input.ownerId);
      if (input.search) query = query.where(containsText('r.customer_name', input.search));
      // Oldest first: the first committed waits least.
      const rows = await query.orderBy('r.submitted_at').orderBy('r.id').execute();
      const nowMs = ctx.clock.now().getTime();
      const today = localToday(ctx.clock);
      const medians = new Map<string, number | null>();
      const items = [];
      for (const row of rows) {
        const checks = await checkRegistration(q, row, today, medians);
        const { matches } = await findConflicts(q, probeOfRow(row), { viewer: me, nowIso: isoNow(ctx.clock), excludeRegistrationId: row.id, ownerId: row.owner_id });
        const conflict = row.needs_adjudication === 1 || matches.length > 0;
        if (input.conflictOnly && !conflict) continue;
        items.push({
          id: row.id,
          version: row.version,
          customerName: row.customer_name,
          ownerName: row.owner_name,
          budget: row.budget_fen === null ? null : row.budget_fen / 100,
          stage: row.stage,
          submittedAt: row.submitted_at ?? row.created_at,
          ageDays: Math.floor((nowMs - Date.parse(row.submitted_at ?? row.created_at)) / DAY_MS),
          conflict,
          needsAdjudication: row.needs_adjudication === 1,
          checksPassed: allPassed(checks),
          failedCriteria: checks.filter((c) => !c.passed).map((c) => c.criterion),
        });
      }
      return { items };
    });
  },

  'review.pendingCount': async (_input, ctx) =>
    requireDb(ctx).read(async (q) => {
      const row = await q
        .selectFrom('registrations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'submitted')
        .executeTakeFirstOrThrow();
      return { count: Number(row.n) };
    }),

  'review.detail': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read(async (q) => {
      const row = await loadRegistration(q, input.id);
      const checks = await checkRegistration(q, row, localToday(ctx.clock));
      const { matches } = await findConflicts(q, probeOfRow(row), { viewer: me, nowIso: isoNow(ctx.clock), excludeRegistrationId: row.id, ownerId: row.owner_id });
      const competitors = [];
      for (const m of matches) {
        competitors.push({ registration: toRegistration(await loadRegistration(q, m.registrationId)), decisions: await decisionsOf(q, m.registrationId) });
      }
      return { registration: toRegistration(row), checks, conflicts: matches, competitors, decisions: await decisionsOf(q, row.id) };
    });
  },

  'review.decide': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations', 'reviews', 'pool', 'notifications'], async (q) => {
      await decide(q, { ...input, reviewer: me, nowIso: isoNow(ctx.clock), today: localToday(ctx.clock) });
      return toRegistration(await loadRegistration(q, input.id));
    });
  },

  'review.adjudicate': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations', 'reviews', 'pool', 'notifications'], async (q) => {
      await adjudicate(q, { ...input, reviewer: me, nowIso: isoNow(ctx.clock), today: localToday(ctx.clock) });
      return {
        kept: toRegistration(await loadRegistration(q, input.keepId)),
        other: toRegistration(await loadRegistration(q, input.otherId)),
      };
    });
  },

  'review.bulkApprove': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations', 'reviews', 'pool', 'notifications'], async (q, tx) => {
      const approved: number[] = [];
      const skipped: { id: number; key: string }[] = [];
      const today = localToday(ctx.clock);
      for (const id of input.ids) {
        const reason = await bulkSkipReason(q, id, me, today, isoNow(ctx.clock));
        if (reason) {
          skipped.push({ id, key: reason });
          continue;
        }
        try {
          // One failure (a protection taken meanwhile) must not undo the others.
          await tx.savepoint(() => decide(q, { id, reviewer: me, decision: 'approve', checklist: [], nowIso: isoNow(ctx.clock), today }));
          approved.push(id);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          skipped.push({ id, key: e.key });
        }
      }
      return { approved, skipped };
    });
  },
} satisfies HandlersFor<typeof reviewContract>;

/** Bulk approval takes only what a reviewer would wave through: every check passed, no conflict at all. */
async function bulkSkipReason(q: Db, id: number, me: { id: number; role: 'admin' | 'reviewer' | 'sales'; username: string; displayName: string }, today: string, nowIso: string): Promise<string | null> {
  const row = await loadRegistration(q, id);
  if (row.status !== 'submitted') return 'error.notSubmitted';
  if (row.owner_id === me.id) return 'error.ownRegistration';
  if (!allPassed(await checkRegistration(q, row, today))) return 'error.checklistIncomplete';
  const { matches } = await findConflicts(q, probeOfRow(row), { viewer: me, nowIso, excludeRegistrationId: id, ownerId: row.owner_id });
  if (row.needs_adjudication === 1 || matches.length > 0) return 'error.CONFLICT';
  return null;
}
