import type { followUpsContract } from '../../../../src-shared/contract/followups';
import { isoNow, localToday } from '../../clock';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { checkCanSee } from '../registrations/access';
import { loadRegistration, toRegistration } from '../registrations/rows';
import { changeCloseDate } from './close-date';
import { opportunityPage } from './list';
import { markLost } from './lost';
import { fieldIssue } from './move';
import { searchCondition } from './search';
import { changeStage } from './stage';
import { opportunityTimeline } from './timeline';
import { markWon } from './won';

type OpportunityHandlers = Pick<
  HandlersFor<typeof followUpsContract>,
  | 'registrations.changeStage'
  | 'registrations.markWon'
  | 'registrations.markLost'
  | 'registrations.changeCloseDate'
  | 'opportunities.search'
  | 'opportunities.timeline'
>;

/** Moves of an opportunity touch the funnel's figures and its customer's protection. */
const moved = ['registrations', 'pool'] as const;

export const opportunityHandlers = {
  'registrations.changeStage': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write([...moved], async (q) => {
      const at = { me, id: input.id, version: input.version, nowIso: isoNow(ctx.clock) };
      if (input.stage === 'contract_signed') {
        if (!input.won) throw fieldIssue(['won'], 'v.wonDetailsRequired');
        await markWon(q, { ...at, ...input.won, today: localToday(ctx.clock), path: ['won'] });
      } else {
        await changeStage(q, { ...at, stage: input.stage });
      }
      return toRegistration(await loadRegistration(q, input.id));
    });
  },

  'registrations.markWon': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write([...moved], async (q) => {
      await markWon(q, { me, ...input, nowIso: isoNow(ctx.clock), today: localToday(ctx.clock) });
      return toRegistration(await loadRegistration(q, input.id));
    });
  },

  'registrations.markLost': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write([...moved], async (q) => {
      await markLost(q, { me, ...input, nowIso: isoNow(ctx.clock) });
      return toRegistration(await loadRegistration(q, input.id));
    });
  },

  'registrations.changeCloseDate': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['registrations'], async (q) => {
      await changeCloseDate(q, { me, ...input, nowIso: isoNow(ctx.clock), today: localToday(ctx.clock) });
      return toRegistration(await loadRegistration(q, input.id));
    });
  },

  'opportunities.search': async (input, ctx) => {
    const me = requireUser(ctx);
    const where = searchCondition(me, input);
    return requireDb(ctx).read((q) => opportunityPage(q, where, input.sort, input));
  },

  'opportunities.timeline': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read(async (q) => {
      checkCanSee(me, await loadRegistration(q, input.id));
      return { items: await opportunityTimeline(q, input.id) };
    });
  },
} satisfies OpportunityHandlers;
