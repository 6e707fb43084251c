// @vitest-environment jsdom
import '../../test/dom-setup';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorShape, InputOf } from '../../../src-shared/contract';
import { translate } from '../../../src-shared/i18n';
import { failure } from '../../test/fake-transport';
import { renderApp } from '../../test/render-app';
import { emptyValues, type FormValues } from './form-values';
import { registrationRow, salesUser, signedIn } from './testing';

const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const fieldText = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item')?.textContent ?? '';
const draftKey = `baobei.registrationDraft.${salesUser.id}.new`;

/** Puts input on this PC as an earlier session left it; the form restores it. */
function leaveDraft(values: Partial<FormValues>) {
  localStorage.setItem(draftKey, JSON.stringify({ values: { ...emptyValues, ...values }, saved: null }));
}

const complete: Partial<FormValues> = {
  customerName: '  杭州云帆网络有限公司 ',
  contactPerson: '周经理',
  phones: ['137 0000 2222', ''],
  email: 'Zhou@YunFan.cn',
  region: '浙江省杭州市',
  needDescription: '采购 50 台服务器及机房改造，要求三个月内交付',
  budget: '80万',
  expectedCloseDate: dayjs().add(3, 'month').format('YYYY-MM-DD'),
  stage: 'needs_confirmed',
};

// The first render of the whole app (antd, tables, forms) is slow on a busy machine.
configure({ asyncUtilTimeout: 15_000 });
beforeEach(() => localStorage.clear());

describe('registration form: client validation', () => {
  it('refuses an empty form with the server’s messages on the fields, sending nothing', async () => {
    const { calls } = renderApp(signedIn(salesUser, 'register'));
    fireEvent.click(await screen.findByTestId('reg-submit'));
    await waitFor(() => expect(fieldText('reg-customer-name')).toContain(zh('v.required')));
    expect(fieldText('reg-contact-person')).toContain(zh('v.required'));
    expect(fieldText('reg-need')).toContain(zh('v.required'));
    expect(fieldText('reg-budget')).toContain(zh('v.budget'));
    expect(fieldText('reg-phones')).toContain(zh('v.contactRequired'));
    expect(calls.some((c) => c.operation === 'registrations.submit')).toBe(false);
  });

  it('names what is wrong with each field as the shared rules do', async () => {
    leaveDraft({
      ...complete,
      phones: ['12345'],
      email: 'zhou@',
      uscc: '91350100M000100Y44',
      needDescription: '采购五十台办公电脑和显示器等',
      budget: '0',
      expectedCloseDate: '2020-01-01',
    });
    const { calls } = renderApp(signedIn(salesUser, 'register'));
    fireEvent.click(await screen.findByTestId('reg-submit'));
    await waitFor(() => expect(fieldText('reg-phone-0')).toContain(zh('v.phone')));
    expect(fieldText('reg-email')).toContain(zh('v.email'));
    expect(fieldText('reg-uscc')).toContain(zh('v.usccCheck'));
    expect(fieldText('reg-need')).toContain(zh('v.needTooShort'));
    expect(fieldText('reg-budget')).toContain(zh('v.budget'));
    expect(fieldText('reg-close-date')).toContain(zh('v.closeDatePast'));
    expect(calls.some((c) => c.operation === 'registrations.submit')).toBe(false);
  });

  it('counts the need description toward 15 characters and shows a budget in 万元', async () => {
    renderApp(signedIn(salesUser, 'register'));
    await screen.findByTestId('reg-need');
    type('reg-need', '采购五十台办公电脑');
    await waitFor(() => expect(screen.getByTestId('reg-need-count').textContent).toBe(zh('ui.reg.needCount', { count: 9, min: 15 })));
    type('reg-budget', '1,200,000');
    expect((await screen.findByTestId('reg-budget-hint')).textContent).toBe(zh('ui.reg.budgetHint', { amount: '120' }));
  });

  it('submits the normalized fields and shows the registration awaiting review; the kept input is cleared', async () => {
    leaveDraft(complete);
    const { calls } = renderApp(
      signedIn(salesUser, 'register', {
        'registrations.submit': (input) => ({ ok: true, data: { registration: registrationRow({ id: 41 }), conflicts: { matches: [], ownCustomer: null } } }),
      }),
    );
    expect(await screen.findByTestId('reg-draft-restored')).toBeTruthy();
    fireEvent.click(screen.getByTestId('reg-submit'));
    expect((await screen.findByTestId('reg-result-status')).textContent).toBe('待审核');
    const sent = calls.find((c) => c.operation === 'registrations.submit')?.input as InputOf<'registrations.submit'>;
    expect(sent.fields).toMatchObject({ customerName: '杭州云帆网络有限公司', phones: ['13700002222'], email: 'zhou@yunfan.cn', budget: 800_000 });
    expect(sent.conflictJustification).toBeUndefined();
    expect(localStorage.getItem(draftKey)).toBeNull();
  });

  it('keeps what is typed on this PC, per user, until it is saved', async () => {
    renderApp(signedIn(salesUser, 'register'));
    await screen.findByTestId('reg-customer-name');
    type('reg-customer-name', '深圳市星辰科技');
    expect(JSON.parse(localStorage.getItem(draftKey) ?? '{}').values.customerName).toBe('深圳市星辰科技');
  });

  it('saves an incomplete draft without asking for the required fields, then writes to that draft', async () => {
    let version = 0;
    const { calls } = renderApp(
      signedIn(salesUser, 'register', {
        'registrations.saveDraft': (input) => ({ ok: true, data: registrationRow({ id: 50, status: 'draft', version: version++, customerName: input.fields.customerName ?? '' }) }),
      }),
    );
    await screen.findByTestId('reg-customer-name');
    type('reg-customer-name', '深圳市星辰科技');
    fireEvent.click(screen.getByTestId('reg-save-draft'));
    await waitFor(() => expect(calls.filter((c) => c.operation === 'registrations.saveDraft')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('reg-save-draft'));
    await waitFor(() => expect(calls.filter((c) => c.operation === 'registrations.saveDraft')).toHaveLength(2));
    const [first, second] = calls.filter((c) => c.operation === 'registrations.saveDraft').map((c) => c.input as InputOf<'registrations.saveDraft'>);
    expect(first).toMatchObject({ fields: { customerName: '深圳市星辰科技' } });
    expect(first?.id).toBeUndefined();
    expect(second).toMatchObject({ id: 50, version: 0 });
  });

  it('puts the server’s field issues on the fields they name (paths under `fields`)', async () => {
    leaveDraft(complete);
    renderApp(
      signedIn(salesUser, 'register', {
        'registrations.submit': () => {
          const { error } = failure('VALIDATION') as { error: AppErrorShape };
          return { ok: false, error: { ...error, details: { issues: [{ path: ['fields', 'budget'], key: 'v.budgetTooLarge', message: zh('v.budgetTooLarge') }] } } };
        },
      }),
    );
    fireEvent.click(await screen.findByTestId('reg-submit'));
    await waitFor(() => expect(fieldText('reg-budget')).toContain(zh('v.budgetTooLarge')));
    expect(screen.getByTestId('reg-customer-name')).toHaveProperty('value', complete.customerName);
  });

  it('after STALE reloads the version and keeps what was typed', async () => {
    localStorage.setItem(draftKey, JSON.stringify({ values: { ...emptyValues, ...complete }, saved: { id: 50, version: 1 } }));
    const { calls } = renderApp(
      signedIn(salesUser, 'register', {
        'registrations.submit': (input) =>
          input.version === 3 ? { ok: true, data: { registration: registrationRow({ id: 50 }), conflicts: { matches: [], ownCustomer: null } } } : failure('STALE'),
        'registrations.get': () => ({ ok: true, data: registrationRow({ id: 50, status: 'draft', version: 3, customerName: '别人改过的名字' }) }),
      }),
    );
    fireEvent.click(await screen.findByTestId('reg-submit'));
    fireEvent.click(await screen.findByTestId('reg-stale-reload'));
    await waitFor(() => expect(screen.queryByTestId('reg-error')).toBeNull());
    expect(screen.getByTestId('reg-customer-name')).toHaveProperty('value', complete.customerName);
    fireEvent.click(screen.getByTestId('reg-submit'));
    expect(await screen.findByTestId('reg-result-status')).toBeTruthy();
    expect(calls.filter((c) => c.operation === 'registrations.submit').map((c) => (c.input as { version?: number }).version)).toEqual([1, 3]);
  });
});
