import type { followUpsContract } from '../../../../src-shared/contract/followups';
import { isoNow, localToday } from '../../clock';
import { AppError } from '../../errors';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { readOfficeSettings } from '../office/settings';
import { checkCanSee, isReviewer } from '../registrations/access';
import { loadRegistration } from '../registrations/rows';
import { addFollowUp } from './add';
import { listFollowUps } from './list';
import { todoToday } from './todo';

type FollowUpHandlers = Pick<HandlersFor<typeof followUpsContract>, 'followups.add' | 'followups.list' | 'todo.today'>;

export const followUpHandlers = {
  'followups.add': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['followups', 'registrations'], (q) =>
      addFollowUp(q, me, input, { iso: isoNow(ctx.clock), today: localToday(ctx.clock) }),
    );
  },

  'followups.list': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read(async (q) => {
      checkCanSee(me, await loadRegistration(q, input.registrationId));
      return { items: await listFollowUps(q, input.registrationId) };
    });
  },

  'todo.today': async (input, ctx) => {
    const me = requireUser(ctx);
    if (input.scope === 'team' && !isReviewer(me)) throw new AppError('FORBIDDEN', 'error.teamFigures');
    return requireDb(ctx).read(async (q) => {
      const { settings } = await readOfficeSettings(q);
      const owners = input.scope === 'team' ? null : [me.id];
      return todoToday(q, owners, settings.staleDays, { iso: isoNow(ctx.clock), today: localToday(ctx.clock) }, input.limit);
    });
  },
} satisfies FollowUpHandlers;
