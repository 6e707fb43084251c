import type { authContract } from '../../../../src-shared/contract';
import { isoNow } from '../../clock';
import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { recordAudit } from '../audit/record';
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
    // Attempts sent at once all read the account before any failure is written, so the count and the
    // lock are read again inside the write (security fix: ten parallel guesses used to count as one
    // and never lock; see throttle.test.ts). A lock taken meanwhile refuses the right password too,
    // with the same answer a wrong one gets, so a burst learns nothing from which attempt was refused.
    // A clean account signing in writes nothing, so a read-only database still lets people in.
    const lockedSeconds = async (q: Db) => {
      const fresh = await q.selectFrom('users').select(['failed_attempts', 'locked_until']).where('id', '=', row.id).executeTakeFirstOrThrow();
      return { fresh, seconds: secondsLocked(fresh.locked_until, now) };
    };
    const seen = await db.read(lockedSeconds);
    // A database of a newer schema is read-only to this app (SCHEMA_TOO_NEW on every write): a typo then
    // cannot be counted, and must neither answer "update the app" nor keep the person from signing in
    // to read. The newer app throttles; whoever reaches the file could read its hashes anyway.
    const outcome =
      seen.seconds > 0 || (correct && seen.fresh.failed_attempts === 0 && !seen.fresh.locked_until) || db.readOnly
        ? { lockedSeconds: seen.seconds }
        : await db.write(['users'], async (q) => {
            const { fresh, seconds } = await lockedSeconds(q);
            if (seconds > 0) return { lockedSeconds: seconds };
            const failures = correct ? 0 : fresh.failed_attempts + 1;
            const lock = correct ? null : throttleAfterFailure(failures, now);
            await q.updateTable('users').set({ failed_attempts: failures, locked_until: lock }).where('id', '=', row.id).execute();
            return { lockedSeconds: secondsLocked(lock, now) };
          });
    if (outcome.lockedSeconds > 0) throw new AppError('FORBIDDEN', 'error.throttled', { seconds: outcome.lockedSeconds });
    if (!correct) throw new AppError('UNAUTHENTICATED', 'error.wrongCredentials');
    if (row.active !== 1) throw new AppError('FORBIDDEN', 'error.inactiveUser');
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
    await db.write(['users', 'audit'], async (q) => {
      await q
        .updateTable('users')
        .set((eb) => ({ password_hash: passwordHash, updated_at: isoNow(ctx.clock), version: eb('version', '+', 1) }))
        .where('id', '=', me.id)
        .execute();
      // That the password changed, and by whom; never the hash.
      await recordAudit(q, { at: isoNow(ctx.clock), userId: me.id, operation: 'auth.changePassword', entity: 'user', entityId: me.id });
    });
    return {};
  },
} satisfies HandlersFor<typeof authContract>;
