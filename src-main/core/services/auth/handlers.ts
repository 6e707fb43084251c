import type { authContract } from '../../../../src-shared/contract';
import { isoNow } from '../../clock';
import { AppError } from '../../errors';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { hashPassword, verifyPassword } from '../users/passwords';
import { throttleAfterFailure, secondsLocked } from './throttle';

// Verified when the username is unknown, so a wrong name takes as long as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const authHandlers = {
  'auth.signIn': async (input, ctx) => {
    const db = requireDb(ctx);
    const now = ctx.clock.now();
    const row = await db.read((q) => q.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst());
    if (!row) {
      await verifyPassword(input.password, DUMMY_HASH);
      throw new AppError('UNAUTHENTICATED', 'error.wrongCredentials');
    }
    const waitSeconds = secondsLocked(row.locked_until, now);
    if (waitSeconds > 0) throw new AppError('FORBIDDEN', 'error.throttled', { seconds: waitSeconds });
    const correct = await verifyPassword(input.password, row.password_hash);
    if (!correct) {
      const lock = throttleAfterFailure(row.failed_attempts + 1, now);
      await db.write(['users'], (q) =>
        q
          .updateTable('users')
          .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), locked_until: lock }))
          .where('id', '=', row.id)
          .execute(),
      );
      if (lock) throw new AppError('FORBIDDEN', 'error.throttled', { seconds: secondsLocked(lock, now) });
      throw new AppError('UNAUTHENTICATED', 'error.wrongCredentials');
    }
    if (row.active !== 1) throw new AppError('FORBIDDEN', 'error.inactiveUser');
    if (row.failed_attempts > 0 || row.locked_until) {
      await db.write(['users'], (q) =>
        q.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', row.id).execute(),
      );
    }
    ctx.host.sessions.end(ctx.caller.sessionToken());
    const sessionToken = ctx.host.sessions.create(row.id);
    ctx.caller.setSessionToken(sessionToken);
    ctx.host.options.settings.update({ lastUsername: row.username });
    const user = { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
    return { user, sessionToken };
  },

  'auth.signOut': async (_input, ctx) => {
    ctx.host.sessions.end(ctx.caller.sessionToken());
    ctx.caller.setSessionToken(undefined);
    return {};
  },

  'auth.session': async (_input, ctx) => ({ user: ctx.user }),

  'auth.changePassword': async (input, ctx) => {
    const me = requireUser(ctx);
    const db = requireDb(ctx);
    const row = await db.read((q) => q.selectFrom('users').select('password_hash').where('id', '=', me.id).executeTakeFirstOrThrow());
    if (!(await verifyPassword(input.currentPassword, row.password_hash)))
      throw new AppError('VALIDATION', 'error.VALIDATION', undefined, [{ path: ['currentPassword'], key: 'error.wrongCredentials' }]);
    const passwordHash = await hashPassword(input.newPassword);
    await db.write(['users'], (q) =>
      q
        .updateTable('users')
        .set((eb) => ({ password_hash: passwordHash, updated_at: isoNow(ctx.clock), version: eb('version', '+', 1) }))
        .where('id', '=', me.id)
        .execute(),
    );
    return {};
  },
} satisfies HandlersFor<typeof authContract>;
