// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Notification, SessionUser } from '../../../src-shared/contract';
import { renderApp } from '../../test/render-app';
import { reviewer, salesperson, signedIn, submission } from '../review/test-fixtures';

// jsdom does not scroll; 我的商机, which a notification opens, scrolls its list to the top.
HTMLElement.prototype.scrollTo ??= () => {};

const submitted: Notification = {
  id: 41,
  kind: 'registration.submitted',
  entity: 'registration',
  entityId: submission.id,
  params: { owner: '李雷', customer: '杭州云帆网络有限公司' },
  createdAt: '2026-11-27T01:00:00.000Z',
  readAt: null,
};
const returned: Notification = {
  id: 40,
  kind: 'registration.returned',
  entity: 'registration',
  entityId: 6,
  params: { customer: '深圳市星辰科技有限公司', reason: '请补充联系人职务' },
  createdAt: '2026-11-26T01:00:00.000Z',
  readAt: '2026-11-26T02:00:00.000Z',
};

/** An inbox the test can fill, with notifications.markRead working on it as the server would. */
function inboxApp(user: SessionUser, initial: Notification[]) {
  let items = [...initial];
  const unread = () => items.filter((n) => !n.readAt).length;
  const app = renderApp(
    signedIn(user, '/settings', {
      'notifications.list': () => ({ ok: true, data: { items, unread: unread() } }),
      'notifications.markRead': (input) => {
        items = items.map((n) => (input.all || input.ids?.includes(n.id) ? { ...n, readAt: n.readAt ?? '2026-11-27T03:00:00.000Z' } : n));
        return { ok: true, data: { unread: unread() } };
      },
      'registrations.get': ({ id }) => ({ ok: true, data: { ...submission, id } }),
    }),
  );
  return { ...app, add: (n: Notification) => (items = [n, ...items]) };
}

const bell = () => screen.findByTestId('inbox-bell', {}, { timeout: 10_000 });

describe('notification inbox', () => {
  it('shows the unread count and each notification in words, and refreshes through the change feed', async () => {
    const { emit, add } = inboxApp(salesperson, [returned]);
    expect((await bell()).dataset.unread).toBe('0');
    add({ ...returned, id: 42, kind: 'registration.approved', params: { customer: '上海明远贸易有限公司', reason: '' }, readAt: null });
    emit('db.changed', { areas: ['notifications'] });
    await waitFor(() => expect(screen.getByTestId('inbox-bell').dataset.unread).toBe('1'));
    fireEvent.click(screen.getByTestId('inbox-bell'));
    expect((await screen.findByTestId('inbox-open-42')).textContent).toBe('您的报备已通过：上海明远贸易有限公司');
    expect(screen.getByTestId('inbox-open-40').textContent).toBe('您的报备被退回修改：深圳市星辰科技有限公司（请补充联系人职务）');
    expect(screen.getByTestId('inbox-item-42').dataset.unread).toBe('true');
  });

  it('marks one read, then all', async () => {
    const { calls } = inboxApp(salesperson, [{ ...returned, id: 43, readAt: null }, { ...returned, readAt: null }]);
    fireEvent.click(await bell());
    fireEvent.click(await screen.findByTestId('inbox-mark-read-43'));
    await waitFor(() => expect(screen.getByTestId('inbox-bell').dataset.unread).toBe('1'));
    fireEvent.click(screen.getByTestId('inbox-mark-all'));
    await waitFor(() => expect(screen.getByTestId('inbox-bell').dataset.unread).toBe('0'));
    expect(calls.filter((c) => c.operation === 'notifications.markRead').map((c) => c.input)).toEqual([{ ids: [43] }, { all: true }]);
  });

  it("opens a reviewer's new submission in the review screen, and marks it read", async () => {
    const { calls } = inboxApp(reviewer, [submitted]);
    fireEvent.click(await bell());
    fireEvent.click(await screen.findByTestId('inbox-open-41'));
    await waitFor(() => expect(window.location.hash).toBe('#/review/5'));
    expect(calls.find((c) => c.operation === 'notifications.markRead')?.input).toEqual({ ids: [41] });
  });

  it("opens a salesperson's decision on 我的商机 with that registration", async () => {
    inboxApp(salesperson, [returned]);
    fireEvent.click(await bell());
    fireEvent.click(await screen.findByTestId('inbox-open-40'));
    await waitFor(() => expect(window.location.hash).toBe('#/myOpportunities?id=6'));
  });

  it('follows a desktop notification clicked in Electron (app.open)', async () => {
    const { emit } = inboxApp(reviewer, []);
    await bell();
    emit('app.open', { hash: '/review/77' });
    await waitFor(() => expect(window.location.hash).toBe('#/review/77'));
  });
});
