import type { auditContract } from '../../../../src-shared/contract/audit';
import { type HandlersFor, requireDb } from '../../handler';
import { verifyAuditChain } from './verify';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export const auditHandlers = {
  'audit.list': async (input, ctx) =>
    requireDb(ctx).read(async (q) => {
      let query = q.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.user_id');
      if (input.entity) query = query.where('a.entity', '=', input.entity);
      if (input.entityId !== undefined) query = query.where('a.entity_id', '=', input.entityId);
      if (input.userId !== undefined) query = query.where('a.user_id', '=', input.userId);
      if (input.operation) query = query.where('a.operation', '=', input.operation);
      if (input.from) query = query.where('a.at', '>=', input.from);
      if (input.to) query = query.where('a.at', '<', input.to);
      const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .select(['a.id', 'a.at', 'a.user_id', 'u.display_name', 'a.operation', 'a.entity', 'a.entity_id', 'a.before', 'a.after'])
        .orderBy('a.id', 'desc')
        .limit(input.limit)
        .offset(input.offset)
        .execute();
      return {
        total: Number(total.n),
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          userId: r.user_id,
          userName: r.display_name,
          operation: r.operation,
          entity: r.entity,
          entityId: r.entity_id,
          before: parse(r.before),
          after: parse(r.after),
        })),
      };
    }),

  'audit.verify': async (_input, ctx) => verifyAuditChain(requireDb(ctx)),
} satisfies HandlersFor<typeof auditContract>;
