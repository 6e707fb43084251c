import type { usersContract } from '../../../../src-shared/contract';
import { isoNow } from '../../clock';
import type { Db } from '../../db/database';
import { updateVersioned } from '../../db/versioned';
import { AppError } from '../../errors';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { recordAudit } from '../audit/record';
import { hashPassword } from './passwords';
import { toUser } from './user-rows';

export async function insertUser(
  q: Db,
  user: { username: string; displayName: string; role: 'admin' | 'reviewer' | 'sales'; passwordHash: string },
  nowIso: string,
) {
  const taken = await q.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', 'error.usernameTaken', { username: user.username }, [{ path: ['username'], key: 'error.usernameTaken' }]);
  return q
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
      active: 1,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function activeAdminCount(q: Db): Promise<number> {
  const row = await q
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const usersHandlers = {
  'users.list': async (input, ctx) =>
    requireDb(ctx).read(async (q) => {
      let query = q.selectFrom('users').selectAll().orderBy('username');
      if (!input.includeInactive) query = query.where('active', '=', 1);
      return (await query.execute()).map(toUser);
    }),

  'users.create': async (input, ctx) => {
    // Hash outside the transaction: the lease is never held for slow work that needs no database.
    const passwordHash = await hashPassword(input.password);
    const me = requireUser(ctx);
    return requireDb(ctx).write(['users', 'audit'], async (q) => {
      const at = isoNow(ctx.clock);
      const user = toUser(await insertUser(q, { ...input, passwordHash }, at));
      await recordAudit(q, { at, userId: me.id, operation: 'users.create', entity: 'user', entityId: user.id, after: user });
      return user;
    });
  },

  'users.update': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['users', 'audit'], async (q) => {
      const before = await q.selectFrom('users').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND');
      if (input.active === false && before.id === me.id) throw new AppError('CONFLICT', 'error.selfDeactivate');
      const losesAdmin = before.role === 'admin' && before.active === 1 && (input.active === false || (input.role && input.role !== 'admin'));
      if (losesAdmin && (await activeAdminCount(q)) <= 1) throw new AppError('CONFLICT', 'error.lastAdmin');
      await updateVersioned(q, 'users', input.id, input.version, {
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        updated_at: isoNow(ctx.clock),
      });
      const after = toUser(await q.selectFrom('users').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow());
      // toUser leaves the password hash out of the log as it does out of every answer.
      await recordAudit(q, { at: isoNow(ctx.clock), userId: me.id, operation: 'users.update', entity: 'user', entityId: input.id, before: toUser(before), after });
      return after;
    });
  },

  'users.resetPassword': async (input, ctx) => {
    const me = requireUser(ctx);
    const passwordHash = await hashPassword(input.password);
    return requireDb(ctx).write(['users', 'audit'], async (q) => {
      const result = await q
        .updateTable('users')
        .set((eb) => ({
          password_hash: passwordHash,
          failed_attempts: 0,
          locked_until: null,
          updated_at: isoNow(ctx.clock),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND');
      await recordAudit(q, { at: isoNow(ctx.clock), userId: me.id, operation: 'users.resetPassword', entity: 'user', entityId: input.id });
      return { id: input.id };
    });
  },
} satisfies HandlersFor<typeof usersContract>;
