import type { officeContract } from '../../../../src-shared/contract/office';
import { isoNow } from '../../clock';
import { AppError } from '../../errors';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { recordAudit } from '../audit/record';
import { readOfficeSettings, writeOfficeSettings } from './settings';

export const officeHandlers = {
  'office.settings': async (_input, ctx) => requireDb(ctx).read((q) => readOfficeSettings(q)),

  'office.updateSettings': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['settings'], async (q) => {
      const current = await readOfficeSettings(q);
      if (current.version !== input.version) throw new AppError('STALE');
      const settings = { ...current.settings, ...input.settings };
      const at = isoNow(ctx.clock);
      await writeOfficeSettings(q, settings, current.version + 1, me.id, at);
      await recordAudit(q, { at, userId: me.id, operation: 'office.updateSettings', entity: 'office_settings', entityId: null, before: current.settings, after: settings });
      return { settings, version: current.version + 1 };
    });
  },
} satisfies HandlersFor<typeof officeContract>;
