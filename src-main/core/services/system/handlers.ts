import type { systemContract } from '../../../../src-shared/contract';
import { backupNow, lastBackupAt } from '../../db/backups';
import { AppError } from '../../errors';
import { type HandlersFor, requireDb } from '../../handler';

export const systemHandlers = {
  'settings.get': async (_input, ctx) => {
    const { language, dbPath, lastUsername } = ctx.host.options.settings.get();
    return { language, dbPath: ctx.host.db?.file ?? dbPath, lastUsername };
  },

  'settings.setLanguage': async (input, ctx) => {
    ctx.host.options.settings.update({ language: input.language });
    return { language: input.language };
  },

  'system.status': async (_input, ctx) => {
    const db = requireDb(ctx);
    const policy = ctx.host.options.backupPolicy(db.file);
    return {
      dbPath: db.file,
      schemaVersion: db.schemaVersion,
      appSchemaVersion: db.appSchemaVersion,
      readOnly: db.readOnly,
      lastBackupAt: policy ? (lastBackupAt(policy, db.file)?.toISOString() ?? null) : null,
    };
  },

  'system.check': async (_input, ctx) => {
    const db = requireDb(ctx);
    const integrity = await db.integrityCheck();
    return {
      healthy: integrity === 'ok' && !db.readOnly,
      integrity,
      schemaVersion: db.schemaVersion,
      appSchemaVersion: db.appSchemaVersion,
    };
  },

  'system.backup': async (_input, ctx) => {
    const db = requireDb(ctx);
    const policy = ctx.host.options.backupPolicy(db.file);
    if (!policy) throw new AppError('CONFLICT', 'error.backupsOff');
    return backupNow(db, policy);
  },
} satisfies HandlersFor<typeof systemContract>;
