// @vitest-environment jsdom
import '../../test/dom-setup';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src-shared/contract';
import type { TodoItem } from '../../../src-shared/contract/followups';
import { renderApp } from '../../test/render-app';
import { registrationRow, reviewerUser, salesUser, signedIn } from '../registration/testing';
import { emptyTodo, listHandlers, listItem } from './testing';

const yesterday = dayjs().subtract(1, 'day').format('YYYY-MM-DD');
const items = [
  listItem({ id: 2, status: 'submitted', customerName: '待审客户', amount: 1_234_567.5, budget: 1_234_567.5 }),
  listItem({ id: 4, status: 'approved', customerName: '已审客户', nextAction: '发送报价', nextDueDate: yesterday }),
  listItem({ id: 6, status: 'won', stage: 'contract_signed', customerName: '赢单客户', amount: 950_000 }),
];

type Calls = { operation: string; input: unknown }[];
const searches = (calls: Calls) => calls.filter((c) => c.operation === 'opportunities.search').map((c) => c.input as InputOf<'opportunities.search'>);

// The first render of the whole app (antd, tables, forms) is slow on a busy machine.
configure({ asyncUtilTimeout: 15_000 });
beforeEach(() => localStorage.clear());

describe('我的商机', () => {
  it('lists the opportunities with status, amount and next action, drafts apart, in one virtual list from the first page', async () => {
    const { calls } = renderApp(
      signedIn(
        salesUser,
        'myOpportunities',
        listHandlers(items, { 'registrations.list': () => ({ ok: true, data: { items: [registrationRow({ id: 1, status: 'draft', customerName: '草稿客户' })], total: 1 } }) }),
      ),
    );
    expect((await screen.findByTestId('opp-status-2')).textContent).toBe('待审核');
    expect(screen.getByTestId('opp-status-4').textContent).toBe('已审核');
    expect(screen.getByTestId('opp-status-6').textContent).toBe('赢单');
    expect(screen.getByTestId('opp-row-2').textContent).toContain('¥ 1,234,568');
    expect(screen.getByTestId('opp-next-4').textContent).toContain('逾期 1 天');
    expect(screen.getByTestId('opp-next-4').textContent).toContain('发送报价');
    expect(screen.getByTestId('opps-total').dataset.total).toBe('3');
    // Drafts are no opportunities: they wait apart, to be opened and finished.
    expect((await screen.findByTestId('opp-draft-1')).textContent).toBe('草稿客户');
    expect(screen.queryByTestId('opps-scope-team')).toBeNull();
    expect(searches(calls)[0]).toEqual({ scope: 'mine', sort: { by: 'updatedAt', direction: 'desc' }, limit: 200, offset: 0 });
  });

  it('searches by pinyin initials once typing pauses, and sorts by a column’s header on the server', async () => {
    const { calls } = renderApp(signedIn(salesUser, 'myOpportunities', listHandlers(items)));
    await screen.findByTestId('opp-row-2');
    fireEvent.change(screen.getByTestId('opps-search'), { target: { value: 'x' } });
    fireEvent.change(screen.getByTestId('opps-search'), { target: { value: 'xckj' } });
    await waitFor(() => expect(searches(calls).some((s) => s.search === 'xckj')).toBe(true));
    // Only the settled text was asked for.
    expect(searches(calls).some((s) => s.search === 'x')).toBe(false);

    fireEvent.click(screen.getByTestId('opps-sort-amount'));
    await waitFor(() => expect(searches(calls).at(-1)).toMatchObject({ search: 'xckj', sort: { by: 'amount', direction: 'desc' }, offset: 0 }));
    fireEvent.click(screen.getByTestId('opps-sort-amount'));
    await waitFor(() => expect(searches(calls).at(-1)?.sort).toEqual({ by: 'amount', direction: 'asc' }));
  });

  it('filters by stage and status', async () => {
    const { calls } = renderApp(signedIn(salesUser, 'myOpportunities', listHandlers(items)));
    await screen.findByTestId('opp-row-2');
    fireEvent.mouseDown(within(screen.getByTestId('opps-stage-filter')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('opps-stage-option-quotation'));
    await waitFor(() => expect(searches(calls).at(-1)?.stages).toEqual(['quotation']));
    fireEvent.mouseDown(within(screen.getByTestId('opps-status-filter')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('opps-status-option-lost'));
    await waitFor(() => expect(searches(calls).at(-1)).toMatchObject({ stages: ['quotation'], statuses: ['lost'] }));
    fireEvent.click(screen.getByTestId('opps-filter-reset'));
    await waitFor(() => expect(searches(calls).at(-1)).toEqual({ scope: 'mine', sort: { by: 'updatedAt', direction: 'desc' }, limit: 200, offset: 0 }));
  });

  it('opens a row in the detail by its URL, where a submission is withdrawn as of the version shown', async () => {
    const { calls } = renderApp(
      signedIn(
        salesUser,
        'myOpportunities',
        listHandlers(items, {
          'registrations.get': ({ id }) => ({ ok: true, data: registrationRow({ id, status: 'submitted', version: 3, customerName: '待审客户' }) }),
          'registrations.withdraw': (input) => ({ ok: true, data: registrationRow({ id: input.id, status: 'draft' }) }),
        }),
      ),
    );
    fireEvent.click(await screen.findByTestId('opp-row-2'));
    await waitFor(() => expect(window.location.hash).toBe('#/myOpportunities?id=2'));
    expect((await screen.findByTestId('opp-detail-status')).textContent).toBe('待审核');
    fireEvent.click(await screen.findByTestId('opp-withdraw-2'));
    fireEvent.click(await screen.findByTestId('opp-withdraw-confirm-2'));
    await waitFor(() => expect(calls.find((c) => c.operation === 'registrations.withdraw')?.input).toEqual({ id: 2, version: 3 }));
  });

  it('opens a returned registration from a notification’s link, shows the reviewer’s reason, and resubmits it with its id and version', async () => {
    const returned = registrationRow({
      id: 3,
      version: 4,
      status: 'returned',
      decisionReason: '预算依据不足，请补充',
      expectedCloseDate: dayjs().add(1, 'month').format('YYYY-MM-DD'),
    });
    const { calls } = renderApp(
      signedIn(
        salesUser,
        'myOpportunities?id=3',
        listHandlers([listItem({ id: 3, status: 'returned' })], {
          'registrations.get': () => ({ ok: true, data: returned }),
          'registrations.submit': () => ({ ok: true, data: { registration: { ...returned, status: 'submitted', version: 5 }, conflicts: { matches: [], ownCustomer: null } } }),
        }),
      ),
    );
    expect((await screen.findByTestId('opp-reason-3')).textContent).toBe('预算依据不足，请补充');
    fireEvent.click(await screen.findByTestId('opp-edit-3'));
    const drawer = await screen.findByTestId('opp-edit-drawer');
    expect(within(drawer).getByTestId('reg-customer-name')).toHaveProperty('value', returned.customerName);
    fireEvent.click(within(drawer).getByTestId('reg-submit'));
    await waitFor(() => expect(calls.some((c) => c.operation === 'registrations.submit')).toBe(true));
    expect(calls.find((c) => c.operation === 'registrations.submit')?.input).toMatchObject({ id: 3, version: 4, fields: { customerName: returned.customerName } });
  });

  it('requests an extension of an approved registration from its detail', async () => {
    const { calls } = renderApp(
      signedIn(
        salesUser,
        'myOpportunities?id=4',
        listHandlers(items, {
          'registrations.get': () => ({ ok: true, data: registrationRow({ id: 4, status: 'approved', protectedUntil: '2026-05-31' }) }),
          'protection.requestExtension': () => ({ ok: true, data: { requestId: 8 } }),
        }),
      ),
    );
    fireEvent.click(await screen.findByTestId('opp-extend-4'));
    fireEvent.change(await screen.findByTestId('extension-reason'), { target: { value: '客户预算审批延后一个月' } });
    fireEvent.click(screen.getByTestId('extension-submit'));
    await waitFor(() =>
      expect(calls.find((c) => c.operation === 'protection.requestExtension')?.input).toEqual({ registrationId: 4, reason: '客户预算审批延后一个月' }),
    );
  });

  it('lets a reviewer switch to the team’s opportunities and 今日待办, with their owners and no owner’s actions on others’', async () => {
    const colleague = listItem({ id: 9, status: 'submitted', ownerId: 7, ownerName: '王芳' });
    const { calls } = renderApp(
      signedIn(
        reviewerUser,
        'myOpportunities',
        listHandlers([], {
          'opportunities.search': (input) => ({ ok: true, data: input.scope === 'team' ? { items: [colleague], total: 1 } : { items: [], total: 0 } }),
          'registrations.get': () => ({ ok: true, data: registrationRow({ id: 9, status: 'submitted', ownerId: 7, ownerName: '王芳' }) }),
        }),
      ),
    );
    fireEvent.click(await screen.findByTestId('opps-scope-team'));
    expect((await screen.findByTestId('opp-row-9')).textContent).toContain('王芳');
    expect(searches(calls).map((s) => s.scope)).toEqual(['mine', 'team']);
    await waitFor(() => expect(calls.filter((c) => c.operation === 'todo.today').map((c) => (c.input as InputOf<'todo.today'>).scope)).toEqual(['mine', 'team']));
    fireEvent.click(screen.getByTestId('opp-row-9'));
    expect((await screen.findByTestId('opp-detail-status')).textContent).toBe('待审核');
    expect(screen.queryByTestId('opp-withdraw-9')).toBeNull();
  });
});

describe('今日待办', () => {
  const todo = (overrides: Partial<TodoItem>): TodoItem => ({
    registrationId: 4,
    customerName: '已审客户',
    ownerId: salesUser.id,
    ownerName: salesUser.displayName,
    status: 'approved',
    stage: 'quotation',
    nextAction: '发送报价',
    nextDueDate: '2026-03-08',
    lastActivityAt: '2026-03-01T09:00:00.000Z',
    days: 2,
    ...overrides,
  });

  it('counts what is due today, overdue and stale, lists them, and opens each one', async () => {
    renderApp(
      signedIn(
        salesUser,
        'myOpportunities',
        listHandlers(items, {
          'todo.today': () => ({
            ok: true,
            data: {
              today: '2026-03-10',
              due: [todo({ days: 2 }), todo({ registrationId: 2, customerName: '待审客户', nextAction: '电话回访', nextDueDate: '2026-03-10', days: 0 })],
              stale: [todo({ registrationId: 6, customerName: '久未跟进客户', nextAction: null, nextDueDate: null, stage: 'needs_confirmed', days: 12 })],
              counts: { dueToday: 1, overdue: 1, stale: 3 },
            },
          }),
          'registrations.get': ({ id }) => ({ ok: true, data: registrationRow({ id, status: 'approved' }) }),
        }),
      ),
    );
    const panel = await screen.findByTestId('todo-panel');
    await waitFor(() => expect(within(panel).getByTestId('todo-count-overdue').dataset.count).toBe('1'));
    expect(within(panel).getByTestId('todo-count-dueToday').dataset.count).toBe('1');
    expect(within(panel).getByTestId('todo-count-stale').dataset.count).toBe('3');
    const due = within(panel).getByTestId('todo-due');
    expect(due.textContent).toContain('逾期 2 天');
    expect(due.textContent).toContain('今天到期');
    expect(within(panel).getByTestId('todo-due-2').textContent).toContain('电话回访');
    expect(within(panel).getByTestId('todo-stale').textContent).toContain('12 天未跟进');
    // Three are stale, one listed: the rest are counted, not hidden.
    expect(within(panel).getByTestId('todo-stale-more').textContent).toBe('另有 2 项未列出');
    fireEvent.click(within(panel).getByTestId('todo-stale-6'));
    await waitFor(() => expect(window.location.hash).toBe('#/myOpportunities?id=6'));
    expect(await screen.findByTestId('opp-detail')).toBeTruthy();
  });

  it('says when there is nothing to do', async () => {
    renderApp(signedIn(salesUser, 'myOpportunities', listHandlers(items, { 'todo.today': () => ({ ok: true, data: emptyTodo }) })));
    expect(await screen.findByTestId('todo-none')).toBeTruthy();
  });
});
