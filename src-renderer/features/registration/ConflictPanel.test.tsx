// @vitest-environment jsdom
import '../../test/dom-setup';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConflictMatch, ConflictReport, InputOf, SessionUser } from '../../../src-shared/contract';
import { translate } from '../../../src-shared/i18n';
import { renderApp } from '../../test/render-app';
import { emptyValues } from './form-values';
import { registrationRow, reviewerUser, salesUser, signedIn } from './testing';

const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

const protectedMatch: ConflictMatch = { registrationId: 12, level: 'block', signals: ['name', 'phone'], state: 'protected', protectedUntil: '2026-05-31' };
const theirDeal = {
  customerName: '深圳市星辰科技有限公司',
  ownerName: '李雷',
  status: 'approved' as const,
  stage: 'quotation' as const,
  contactPerson: '陈经理',
  phones: ['13812345678'],
  email: 'chen@xingchen-tech.cn',
  submittedAt: '2026-03-02T09:00:00.000Z',
};

function renderWithReport(user: SessionUser, report: ConflictReport, more: Parameters<typeof signedIn>[2] = {}) {
  return renderApp(signedIn(user, 'register', { 'conflicts.check': () => ({ ok: true, data: report }), ...more }));
}

async function typeCustomer(name = '星辰科技（深圳）有限公司') {
  await screen.findByTestId('reg-customer-name');
  type('reg-customer-name', name);
}

// The first render of the whole app (antd, tables, forms) is slow on a busy machine.
configure({ asyncUtilTimeout: 15_000 });
beforeEach(() => localStorage.clear());

describe('conflict panel', () => {
  it('tells a salesperson only that a colleague holds the customer and until when', async () => {
    renderWithReport(salesUser, { matches: [protectedMatch], ownCustomer: null });
    await typeCustomer();
    const match = await screen.findByTestId('conflict-match-12');
    expect(within(match).getByTestId('conflict-holder-12').textContent).toBe('已被同事报备保护，至 2026-05-31');
    expect(within(match).getByTestId('conflict-level-12').textContent).toBe(zh('conflict.level.block'));
    expect(within(match).getByTestId('conflict-reasons-12').textContent).toBe(zh('conflict.reason.name') + zh('conflict.reason.phone'));
    expect(screen.queryByTestId('conflict-other-12')).toBeNull();
    expect(screen.getByTestId('conflict-panel').textContent).not.toContain('李雷');
  });

  it('shows reviewers the other side: customer, owner, status and contact', async () => {
    renderWithReport(reviewerUser, { matches: [{ ...protectedMatch, other: theirDeal }], ownCustomer: null });
    await typeCustomer();
    const other = await screen.findByTestId('conflict-other-12');
    for (const text of ['深圳市星辰科技有限公司', '李雷', '已审核', '报价', '陈经理', '13812345678']) expect(other.textContent).toContain(text);
  });

  it('says a pending claim is awaiting review, and a warn is only a possible conflict', async () => {
    renderWithReport(salesUser, {
      matches: [
        { registrationId: 13, level: 'block', signals: ['uscc'], state: 'pending', protectedUntil: null },
        { registrationId: 14, level: 'warn', signals: ['similarName'], state: 'protected', protectedUntil: '2026-04-01' },
      ],
      ownCustomer: null,
    });
    await typeCustomer();
    expect((await screen.findByTestId('conflict-holder-13')).textContent).toBe('已被同事报备，待审核');
    expect(screen.getByTestId('conflict-level-14').textContent).toBe(zh('conflict.level.warn'));
    expect(screen.getByTestId('conflict-match-14').dataset.level).toBe('warn');
  });

  it('notes that a customer one already holds is linked, not a conflict', async () => {
    renderWithReport(salesUser, { matches: [], ownCustomer: { customerId: 5, registrationIds: [3] } });
    await typeCustomer();
    expect((await screen.findByTestId('conflict-own-customer')).textContent).toBe(zh('ui.conflict.ownCustomer'));
    expect(screen.queryByTestId('reg-justification')).toBeNull();
  });

  it('probes with the identifying fields only, once typing pauses', async () => {
    const { calls } = renderWithReport(salesUser, { matches: [], ownCustomer: null });
    await typeCustomer('星');
    type('reg-customer-name', '星辰');
    type('reg-customer-name', '星辰科技');
    expect(await screen.findByTestId('conflict-none')).toBeTruthy();
    const probes = calls.filter((c) => c.operation === 'conflicts.check').map((c) => c.input);
    expect(probes).toEqual([{ customerName: '星辰科技', customerKind: 'company', phones: [] }]);
  });
});

describe('a block in the form', () => {
  const today = dayjs();
  const complete = {
    ...emptyValues,
    customerName: '星辰科技（深圳）有限公司',
    contactPerson: '刘经理',
    phones: ['0755-86001234'],
    needDescription: '采购 120 台笔记本电脑，含三年上门维保服务',
    budget: '960000',
    expectedCloseDate: today.add(2, 'month').format('YYYY-MM-DD'),
  };

  it('asks for a justification and sends it with the submission, for adjudication', async () => {
    localStorage.setItem(`baobei.registrationDraft.${salesUser.id}.new`, JSON.stringify({ values: complete, saved: null }));
    const { calls } = renderWithReport(
      salesUser,
      { matches: [protectedMatch], ownCustomer: null },
      {
        'registrations.submit': () => ({
          ok: true,
          data: { registration: registrationRow({ needsAdjudication: true }), conflicts: { matches: [protectedMatch], ownCustomer: null } },
        }),
      },
    );
    await screen.findByTestId('reg-justification');
    expect(screen.getByTestId('conflict-block-notice').textContent).toBe(zh('ui.conflict.blockNotice'));
    expect(screen.getByTestId('reg-submit').textContent).toBe(zh('ui.reg.submitToAdjudication'));

    fireEvent.click(screen.getByTestId('reg-submit'));
    await waitFor(() => expect(screen.getByTestId('reg-justification').closest('.ant-form-item')?.textContent).toContain(zh('v.justification')));
    expect(calls.some((c) => c.operation === 'registrations.submit')).toBe(false);

    type('reg-justification', '客户采购部主动联系我，原负责人三个月未跟进');
    fireEvent.click(screen.getByTestId('reg-submit'));
    expect(await screen.findByTestId('reg-result-adjudication')).toBeTruthy();
    const sent = calls.find((c) => c.operation === 'registrations.submit')?.input as InputOf<'registrations.submit'>;
    expect(sent.conflictJustification).toBe('客户采购部主动联系我，原负责人三个月未跟进');
  });
});
