// @vitest-environment jsdom
import '../../test/dom-setup';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, Registration } from '../../../src-shared/contract';
import { renderApp } from '../../test/render-app';
import { registrationRow, reviewerUser, salesUser, signedIn } from '../registration/testing';

const rows: Registration[] = [
  registrationRow({ id: 1, status: 'draft', customerName: '草稿客户', budget: null }),
  registrationRow({ id: 2, status: 'submitted', customerName: '待审客户', budget: 1_234_567.5 }),
  registrationRow({ id: 3, status: 'returned', customerName: '退回客户', decisionReason: '预算依据不足，请补充' }),
  registrationRow({ id: 4, status: 'approved', customerName: '已审客户', protectedUntil: '2026-05-31' }),
];

const listed = (items: Registration[]) => () => ({ ok: true as const, data: { items, total: items.length } });

// The first render of the whole app (antd, tables, forms) is slow on a busy machine.
configure({ asyncUtilTimeout: 15_000 });
beforeEach(() => localStorage.clear());

describe('我的商机', () => {
  it('shows status, budget, protection and the reviewer’s reason, with the actions each status allows', async () => {
    renderApp(signedIn(salesUser, 'myOpportunities', { 'registrations.list': listed(rows) }));
    expect((await screen.findByTestId('opp-status-1')).textContent).toBe('草稿');
    expect(screen.getByTestId('opp-status-2').textContent).toBe('待审核');
    expect(screen.getByTestId('opp-status-3').textContent).toBe('退回修改');
    expect(screen.getByTestId('opp-status-4').textContent).toBe('已审核');
    expect(screen.getByTestId('opp-row-2').textContent).toContain('¥ 1,234,568');
    expect(screen.getByTestId('opp-row-4').textContent).toContain('2026-05-31');
    expect(screen.getByTestId('opp-reason-3').textContent).toBe('预算依据不足，请补充');
    const actions = (id: number) => ['edit', 'withdraw', 'discard', 'extend'].filter((a) => screen.queryByTestId(`opp-${a}-${id}`));
    expect([1, 2, 3, 4].map(actions)).toEqual([['edit', 'discard'], ['withdraw'], ['edit', 'withdraw'], ['extend']]);
    expect(screen.queryByTestId('opps-scope-team')).toBeNull();
  });

  it('searches by customer name once typing pauses', async () => {
    const { calls } = renderApp(signedIn(salesUser, 'myOpportunities', { 'registrations.list': listed(rows) }));
    await screen.findByTestId('opp-status-1');
    fireEvent.change(screen.getByTestId('opps-search'), { target: { value: '云帆' } });
    await waitFor(() => expect(calls.some((c) => (c.input as InputOf<'registrations.list'>).search === '云帆')).toBe(true));
  });

  it('withdraws a submission as of the version shown, after confirming', async () => {
    const { calls } = renderApp(
      signedIn(salesUser, 'myOpportunities', {
        'registrations.list': listed(rows),
        'registrations.withdraw': (input) => ({ ok: true, data: registrationRow({ id: input.id, status: 'draft' }) }),
      }),
    );
    fireEvent.click(await screen.findByTestId('opp-withdraw-2'));
    fireEvent.click(await screen.findByTestId('opp-withdraw-confirm-2'));
    await waitFor(() => expect(calls.find((c) => c.operation === 'registrations.withdraw')?.input).toEqual({ id: 2, version: 0 }));
  });

  it('opens a returned registration in the form and resubmits it with its id and version', async () => {
    const returned = registrationRow({ id: 3, version: 4, status: 'returned', expectedCloseDate: dayjs().add(1, 'month').format('YYYY-MM-DD') });
    const { calls } = renderApp(
      signedIn(salesUser, 'myOpportunities', {
        'registrations.list': listed([returned]),
        'registrations.submit': () => ({ ok: true, data: { registration: { ...returned, status: 'submitted', version: 5 }, conflicts: { matches: [], ownCustomer: null } } }),
      }),
    );
    fireEvent.click(await screen.findByTestId('opp-edit-3'));
    const drawer = await screen.findByTestId('opp-edit-drawer');
    expect(within(drawer).getByTestId('reg-customer-name')).toHaveProperty('value', returned.customerName);
    fireEvent.click(within(drawer).getByTestId('reg-submit'));
    await waitFor(() => expect(calls.some((c) => c.operation === 'registrations.submit')).toBe(true));
    expect(calls.find((c) => c.operation === 'registrations.submit')?.input).toMatchObject({ id: 3, version: 4, fields: { customerName: returned.customerName } });
    // The form's own check leaves out the registration itself.
    expect(calls.find((c) => c.operation === 'conflicts.check')?.input).toMatchObject({ excludeRegistrationId: 3 });
  });

  it('requests an extension of an approved registration with a reason', async () => {
    const { calls } = renderApp(
      signedIn(salesUser, 'myOpportunities', {
        'registrations.list': listed(rows),
        'protection.requestExtension': () => ({ ok: true, data: { requestId: 8 } }),
      }),
    );
    fireEvent.click(await screen.findByTestId('opp-extend-4'));
    fireEvent.change(await screen.findByTestId('extension-reason'), { target: { value: '客户预算审批延后一个月' } });
    fireEvent.click(screen.getByTestId('extension-submit'));
    await waitFor(() =>
      expect(calls.find((c) => c.operation === 'protection.requestExtension')?.input).toEqual({ registrationId: 4, reason: '客户预算审批延后一个月' }),
    );
  });

  it('lets a reviewer switch to the team’s registrations, with their owners and no actions on others’', async () => {
    const colleague = registrationRow({ id: 9, status: 'submitted', ownerId: 7, ownerName: '王芳' });
    const { calls } = renderApp(
      signedIn(reviewerUser, 'myOpportunities', {
        'registrations.list': (input) => (input.scope === 'team' ? listed([colleague])() : listed([])()),
      }),
    );
    fireEvent.click(await screen.findByTestId('opps-scope-team'));
    expect((await screen.findByTestId('opp-row-9')).textContent).toContain('王芳');
    expect(screen.queryByTestId('opp-withdraw-9')).toBeNull();
    expect(calls.filter((c) => c.operation === 'registrations.list').map((c) => (c.input as InputOf<'registrations.list'>).scope)).toEqual(['mine', 'team']);
  });
});
