import type { setupContract } from '../../../../src-shared/contract';
import { isoNow } from '../../clock';
import { AppError } from '../../errors';
import type { HandlerContext, HandlersFor } from '../../handler';
import { loadSessionUser } from '../auth/session-user';
import { hashPassword } from '../users/passwords';
import { restorableBackupAt, restoreDamagedDatabase } from './restore';
import { recordAudit } from '../audit/record';
import { insertUser } from '../users/handlers';
import { toUser } from '../users/user-rows';

async function userCount(ctx: HandlerContext): Promise<number> {
  const db = ctx.host.requireDb();
  const row = await db.read((q) =>
    q.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
  return Number(row.n);
}

/** Choosing the database is open to anyone only on first run; afterwards it takes an administrator. */
function checkMayChooseDatabase(ctx: HandlerContext): void {
  if (!ctx.host.options.canChooseDatabase) throw new AppError('FORBIDDEN', 'error.cannotChooseDatabase');
  if (ctx.host.db && ctx.user?.role !== 'admin') throw new AppError('FORBIDDEN');
}

export const setupHandlers = {
  'setup.status': async (_input, ctx) => {
    const { host } = ctx;
    const settings = host.options.settings.get();
    const failure = host.db ? null : host.lastOpenFailure;
    const state = failure ? 'unavailable' : !host.db ? 'noDatabase' : (await userCount(ctx)) === 0 ? 'needsAdmin' : 'ready';
    return {
      state,
      dbPath: host.db?.file ?? failure?.file ?? null,
      errorKey: failure?.key ?? null,
      ...(failure?.key === 'error.notADatabase' && host.options.canChooseDatabase ? { latestBackupAt: restorableBackupAt(ctx) } : {}),
      canChooseDatabase: host.options.canChooseDatabase,
      defaultLocalPath: host.options.defaultLocalPath,
      lastUsername: settings.lastUsername,
    };
  },

  'setup.browse': async (input, ctx) => {
    checkMayChooseDatabase(ctx);
    const browse = ctx.host.options.browse;
    if (!browse) throw new AppError('FORBIDDEN', 'error.cannotChooseDatabase');
    return { path: await browse(input.kind) };
  },

  'setup.useDatabase': async (input, ctx) => {
    checkMayChooseDatabase(ctx);
    if (input.mode === 'restoreBackup') return restoreDamagedDatabase(ctx, input.path!);
    const file = input.mode === 'createLocal' ? ctx.host.options.defaultLocalPath : input.path;
    if (!file) throw new AppError('VALIDATION', 'error.VALIDATION', undefined, [{ path: ['path'], key: 'v.required' }]);
    const mode = input.mode === 'open' ? 'open' : input.mode === 'create' ? 'create' : 'openOrCreate';
    const db = await ctx.host.useDatabase(file, mode);
    ctx.host.options.settings.update({ dbPath: db.file });
    return { dbPath: db.file };
  },

  'setup.createAdmin': async (input, ctx) => {
    const db = ctx.host.requireDb();
    const passwordHash = await hashPassword(input.password);
    // The emptiness check and the insert share one write transaction: two PCs on first run give one admin.
    const row = await db.write(['users'], async (q) => {
      const existing = await q.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (existing) throw new AppError('CONFLICT', 'error.alreadySetUp');
      const admin = await insertUser(q, { ...input, role: 'admin', passwordHash }, isoNow(ctx.clock));
      await recordAudit(q, { at: isoNow(ctx.clock), userId: admin.id, operation: 'setup.createAdmin', entity: 'user', entityId: admin.id, after: toUser(admin) });
      return admin;
    });
    const user = await loadSessionUser(db, row.id);
    if (!user) throw new AppError('INTERNAL');
    const sessionToken = ctx.host.sessions.create(row.id);
    ctx.caller.setSessionToken(sessionToken);
    ctx.host.options.settings.update({ lastUsername: user.username });
    return { user, sessionToken };
  },
} satisfies HandlersFor<typeof setupContract>;
