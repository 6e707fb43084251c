import type { OutputOf } from '../../../src-shared/contract';
import type { OpportunityListItem, TimelineEvent } from '../../../src-shared/contract/followups';
import { defaultOfficeSettings } from '../../../src-shared/contract/office';
import type { FakeHandlers } from '../../test/fake-transport';
import { salesUser } from '../registration/testing';

/** Helpers for the renderer tests of 我的商机 and the opportunity's detail (not a test file itself). */

/** One row of opportunities.search as the main process returns it. */
export function listItem(overrides: Partial<OpportunityListItem> = {}): OpportunityListItem {
  return {
    id: 41,
    version: 0,
    status: 'approved',
    stage: 'needs_confirmed',
    customerName: '杭州云帆网络有限公司',
    contactPerson: '周经理',
    ownerId: salesUser.id,
    ownerName: salesUser.displayName,
    region: '浙江省杭州市',
    sourceChannel: '官网咨询',
    productLine: '云服务',
    budget: 800_000,
    amount: 800_000,
    expectedCloseDate: '2099-06-30',
    enteredAt: '2026-03-02T09:00:00.000Z',
    closedAt: null,
    lostReason: null,
    lastActivityAt: '2026-03-05T09:00:00.000Z',
    nextAction: null,
    nextDueDate: null,
    protectedUntil: '2026-05-31',
    updatedAt: '2026-03-05T09:00:00.000Z',
    ...overrides,
  };
}

export const emptyTodo: OutputOf<'todo.today'> = { today: '2026-03-10', due: [], stale: [], counts: { dueToday: 0, overdue: 0, stale: 0 } };

/** What 我的商机 asks for on opening: the list (all of `items`, whatever the page), drafts, 今日待办. */
export function listHandlers(items: OpportunityListItem[], more: FakeHandlers = {}): FakeHandlers {
  return {
    'opportunities.search': (input) => ({ ok: true, data: { items: items.slice(input.offset ?? 0, (input.offset ?? 0) + (input.limit ?? 100)), total: items.length } }),
    'registrations.list': () => ({ ok: true, data: { items: [], total: 0 } }),
    'todo.today': () => ({ ok: true, data: emptyTodo }),
    'office.settings': () => ({ ok: true, data: { settings: defaultOfficeSettings, version: 1 } }),
    'opportunities.timeline': () => ({ ok: true, data: { items: [] as TimelineEvent[] } }),
    ...more,
  };
}
