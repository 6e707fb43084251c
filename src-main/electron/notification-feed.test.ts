import { describe, expect, it } from 'vitest';
import type { Notification } from '../../src-shared/contract';
import { MAX_NOTICES, planNotices } from './notification-feed';

const note = (id: number, readAt: string | null = null): Notification => ({
  id,
  kind: 'registration.submitted',
  entity: 'registration',
  entityId: 100 + id,
  params: { owner: '李雷', customer: `客户${id}` },
  createdAt: '2026-11-27T01:00:00.000Z',
  readAt,
});

describe('desktop notifications to pop up', () => {
  it('shows nothing at sign-in: what is already unread only sets the cursor', () => {
    expect(planNotices(undefined, 7, [note(5), note(3)], 'zh-CN')).toEqual({ cursor: { userId: 7, lastShownId: 5 }, notices: [], summary: null });
    expect(planNotices(undefined, 7, [], 'zh-CN').cursor).toEqual({ userId: 7, lastShownId: 0 });
  });

  it('pops up each new unread notification once, oldest first, in the user’s language', () => {
    const plan = planNotices({ userId: 7, lastShownId: 5 }, 7, [note(7), note(6), note(5)], 'zh-CN');
    expect(plan.notices.map((n) => [n.notification.id, n.body])).toEqual([
      [6, '李雷 提交了新的报备：客户6'],
      [7, '李雷 提交了新的报备：客户7'],
    ]);
    expect(plan.cursor).toEqual({ userId: 7, lastShownId: 7 });
    expect(planNotices(plan.cursor, 7, [note(7), note(6)], 'zh-CN').notices).toEqual([]);
  });

  it('skips what was read meanwhile (in this window or on another PC)', () => {
    expect(planNotices({ userId: 7, lastShownId: 5 }, 7, [note(7), note(6, '2026-11-27T02:00:00.000Z')], 'en').notices.map((n) => n.notification.id)).toEqual([7]);
  });

  it('folds a burst into the newest few and one summary', () => {
    const burst = [10, 9, 8, 7, 6].map((id) => note(id));
    const plan = planNotices({ userId: 7, lastShownId: 5 }, 7, burst, 'en');
    expect(plan.notices.map((n) => n.notification.id)).toEqual([8, 9, 10]);
    expect(plan.notices).toHaveLength(MAX_NOTICES);
    expect(plan.summary).toBe('2 more new notifications');
  });

  it('starts over for someone else signing in to the window', () => {
    expect(planNotices({ userId: 7, lastShownId: 5 }, 8, [note(9)], 'zh-CN')).toEqual({ cursor: { userId: 8, lastShownId: 9 }, notices: [], summary: null });
  });
});
