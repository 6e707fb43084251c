import type { funnelContract } from '../../../../src-shared/contract/funnel';
import { type HandlersFor, requireDb, requireUser } from '../../handler';
import { funnelDrill } from './drill';
import { funnelReport } from './report';

export const funnelHandlers = {
  'funnel.report': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read((q) => funnelReport(q, me, input.filters, ctx.clock.now()));
  },
  'funnel.drill': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read((q) => funnelDrill(q, me, input, ctx.clock.now()));
  },
} satisfies HandlersFor<typeof funnelContract>;
