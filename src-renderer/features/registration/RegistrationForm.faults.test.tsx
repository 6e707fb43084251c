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

/**
 * The faults of docs/RELIABILITY.md as the registration form meets them: whatever the drive or the
 * file does, the message is the plain one the main process sends, what was typed stays in the form
 * and on this PC (through a restart too), and saving again once the fault is gone succeeds.
 */
const draftKey = `baobei.registrationDraft.${salesUser.id}.new`;
const typed: Partial<FormValues> = {
  customerName: '杭州云帆网络有限公司',
  contactPerson: '周经理',
  phones: ['13700002222'],
  region: '浙江省杭州市',
  needDescription: '采购 50 台服务器及机房改造，要求三个月内交付',
  budget: '80万',
  expectedCloseDate: dayjs().add(3, 'month').format('YYYY-MM-DD'),
  stage: 'needs_confirmed',
};
const keptDraft = () => JSON.parse(localStorage.getItem(draftKey) ?? 'null') as { values: FormValues } | null;

configure({ asyncUtilTimeout: 15_000 });
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(draftKey, JSON.stringify({ values: { ...emptyValues, ...typed }, saved: null }));
});

const faults: [string, AppErrorShape['code'], string][] = [
  ['the drive is unmapped', 'DB_UNAVAILABLE', 'error.DB_UNAVAILABLE'],
  ['the folder is read-only', 'DB_UNAVAILABLE', 'error.readOnlyFolder'],
  ['the disk is full', 'DB_UNAVAILABLE', 'error.diskFull'],
  ['a live PC holds the lease too long', 'BUSY', 'error.BUSY'],
  ['a newer app migrated the file', 'SCHEMA_TOO_NEW', 'error.SCHEMA_TOO_NEW'],
  ['the file is damaged', 'DB_UNAVAILABLE', 'error.notADatabase'],
];

describe('registration form through the faults of the drive and the file', () => {
  it('says each fault plainly, keeps what was typed through all of them, and saves when asked again once they are over', async () => {
    // One fault per attempt, in turn, then none.
    const answers = [...faults.map(([, code, key]) => failure(code, key))];
    const { calls } = renderApp(
      signedIn(salesUser, 'register', {
        'registrations.submit': () =>
          answers.shift() ?? { ok: true, data: { registration: registrationRow({ id: 41 }), conflicts: { matches: [], ownCustomer: null } } },
      }),
    );
    await screen.findByTestId('reg-submit');
    for (const [fault, , key] of faults) {
      fireEvent.click(screen.getByTestId('reg-submit'));
      await waitFor(() => expect(screen.getByTestId('reg-error').textContent, fault).toBe(translate('zh-CN', key)));
      expect(screen.getByTestId('reg-customer-name'), fault).toHaveProperty('value', typed.customerName);
      expect(keptDraft()?.values.customerName, fault).toBe(typed.customerName);
    }
    fireEvent.click(screen.getByTestId('reg-submit'));
    expect((await screen.findByTestId('reg-result-status')).textContent).toBe('待审核');
    const sent = calls.filter((c) => c.operation === 'registrations.submit').map((c) => (c.input as InputOf<'registrations.submit'>).fields);
    // The same form every time: nothing was lost or changed by the failures.
    expect(sent).toHaveLength(faults.length + 1);
    for (const fields of sent) expect(fields).toEqual(sent[0]);
    expect(keptDraft()).toBeNull();
  });

  it('keeps the unsaved form through a restart of the app after a failed save', async () => {
    const first = renderApp(signedIn(salesUser, 'register', { 'registrations.submit': () => failure('DB_UNAVAILABLE') }));
    fireEvent.click(await screen.findByTestId('reg-submit'));
    await screen.findByTestId('reg-error');
    first.view.unmount();

    renderApp(
      signedIn(salesUser, 'register', {
        'registrations.submit': () => ({ ok: true, data: { registration: registrationRow({ id: 42 }), conflicts: { matches: [], ownCustomer: null } } }),
      }),
    );
    expect(await screen.findByTestId('reg-draft-restored')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('reg-customer-name')).toHaveProperty('value', typed.customerName));
    fireEvent.click(screen.getByTestId('reg-submit'));
    expect(await screen.findByTestId('reg-result-status')).toBeTruthy();
    expect(keptDraft()).toBeNull();
  });
});
