// @vitest-environment jsdom
import '../../test/dom-setup';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src-shared/contract';
import { renderApp } from '../../test/render-app';
import { emptyValues } from '../registration/form-values';
import { registrationRow, reviewerUser, salesUser, signedIn } from '../registration/testing';
import type { PoolEntry } from './usePoolList';

const released: PoolEntry = {
  customerId: 5,
  customerName: '杭州云帆网络有限公司',
  customerKind: 'company',
  region: '杭州',
  releasedAt: '2026-03-02T09:00:00.000Z',
  claimableFrom: null,
  lastRegistrationId: 41,
};
const mine: PoolEntry = { ...released, customerId: 6, customerName: '宁波海曙贸易有限公司', claimableFrom: '2026-04-01', lastRegistrationId: 42 };
const pool = (items: PoolEntry[]) => () => ({ ok: true as const, data: { items, total: items.length } });
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

// The first render of the whole app (antd, tables, forms) is slow on a busy machine.
configure({ asyncUtilTimeout: 15_000 });
beforeEach(() => localStorage.clear());

describe('公海', () => {
  it('keeps a former owner from claiming during the cool-down', async () => {
    renderApp(signedIn(salesUser, 'pool', { 'pool.list': pool([released, mine]) }));
    expect((await screen.findByTestId('pool-cooldown-6')).textContent).toBe('冷静期至 2026-04-01');
    expect(screen.getByTestId('pool-claim-6')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('pool-claim-5')).toHaveProperty('disabled', false);
    expect(screen.queryByTestId('extensions-panel')).toBeNull();
  });

  it('opens the registration form for a claim, prefilled with the customer', async () => {
    renderApp(signedIn(salesUser, 'pool', { 'pool.list': pool([released]) }));
    fireEvent.click(await screen.findByTestId('pool-claim-5'));
    const drawer = await screen.findByTestId('pool-claim-drawer');
    expect(within(drawer).getByTestId('reg-customer-name')).toHaveProperty('value', released.customerName);
    expect(within(drawer).getByTestId('reg-region')).toHaveProperty('value', '杭州');
    // A claim is submitted at once; a draft would not be tied to the pool customer.
    expect(within(drawer).queryByTestId('reg-save-draft')).toBeNull();
  });

  it('submits a claim through pool.claim and shows it awaiting review', async () => {
    const typed = {
      ...emptyValues,
      customerName: released.customerName,
      region: '杭州',
      contactPerson: '吴主任',
      phones: ['0571-88886666'],
      needDescription: '机房改造二期：新增 20 台服务器及备份系统',
      budget: '650000',
      expectedCloseDate: dayjs().add(2, 'month').format('YYYY-MM-DD'),
    };
    localStorage.setItem(`baobei.registrationDraft.${salesUser.id}.claim-5`, JSON.stringify({ values: typed, saved: null }));
    const { calls } = renderApp(
      signedIn(salesUser, 'pool', {
        'pool.list': pool([released]),
        'pool.claim': (input) => ({ ok: true, data: { registration: registrationRow({ id: 60, customerId: input.customerId, fromPool: true }) } }),
      }),
    );
    fireEvent.click(await screen.findByTestId('pool-claim-5'));
    const drawer = await screen.findByTestId('pool-claim-drawer');
    fireEvent.click(within(drawer).getByTestId('reg-submit'));
    expect((await within(drawer).findByTestId('reg-result-status')).textContent).toBe('待审核');
    const sent = calls.find((c) => c.operation === 'pool.claim')?.input as InputOf<'pool.claim'>;
    expect(sent).toMatchObject({ customerId: 5, fields: { customerName: released.customerName, phones: ['0571-88886666'], budget: 650_000 } });
  });

  it('cannot claim a customer a colleague has registered meanwhile', async () => {
    renderApp(
      signedIn(salesUser, 'pool', {
        'pool.list': pool([released]),
        'conflicts.check': () => ({
          ok: true,
          data: { matches: [{ registrationId: 70, level: 'block', signals: ['phone'], state: 'pending', protectedUntil: null }], ownCustomer: null },
        }),
      }),
    );
    fireEvent.click(await screen.findByTestId('pool-claim-5'));
    const drawer = await screen.findByTestId('pool-claim-drawer');
    expect((await within(drawer).findByTestId('conflict-block-notice')).textContent).toBe('该客户已被同事报备，不能从公海领取');
    expect(within(drawer).getByTestId('reg-submit')).toHaveProperty('disabled', true);
    expect(within(drawer).queryByTestId('reg-justification')).toBeNull();
  });

  it('shows reviewers the pending extension requests, to approve', async () => {
    const { calls } = renderApp(
      signedIn(reviewerUser, 'pool', {
        'pool.list': pool([]),
        'protection.listExtensions': () => ({
          ok: true,
          data: [
            {
              id: 3,
              registrationId: 41,
              customerName: '杭州云帆网络有限公司',
              requestedBy: '李雷',
              reason: '客户预算审批延后一个月',
              status: 'pending',
              protectedUntil: '2026-05-31',
              extensionsUsed: 0,
              createdAt: '2026-05-20T02:00:00.000Z',
            },
          ],
        }),
        'protection.decideExtension': (input) => ({ ok: true, data: { requestId: input.requestId, status: 'approved', protectedUntil: '2026-06-30' } }),
      }),
    );
    const panel = await screen.findByTestId('extensions-panel');
    await waitFor(() => expect(panel.textContent).toContain('客户预算审批延后一个月'));
    fireEvent.click(within(panel).getByTestId('extension-approve-3'));
    fireEvent.click(await screen.findByTestId('extension-approve-confirm-3'));
    await waitFor(() => expect(calls.find((c) => c.operation === 'protection.decideExtension')?.input).toEqual({ requestId: 3, approve: true } satisfies InputOf<'protection.decideExtension'>));
  });
});
