// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../src-shared/contract';
import { renderApp } from '../../test/render-app';

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('first-run wizard', () => {
  it('creates a database on the shared drive, then the administrator, who is signed in', async () => {
    let status: OutputOf<'setup.status'> = {
      state: 'noDatabase',
      dbPath: null,
      errorKey: null,
      canChooseDatabase: true,
      defaultLocalPath: '/home/me/.config/baobei/baobei.sqlite',
      lastUsername: null,
    };
    const admin = { id: 1, username: 'boss', displayName: '老板', role: 'admin' as const };
    const { calls } = renderApp({
      'setup.status': () => ({ ok: true, data: status }),
      'setup.browse': () => ({ ok: true, data: { path: '\\\\nas\\sales\\baobei.sqlite' } }),
      'setup.useDatabase': (input) => {
        status = { ...status, state: 'needsAdmin', dbPath: input.path ?? null };
        return { ok: true, data: { dbPath: input.path ?? '' } };
      },
      'setup.createAdmin': () => {
        status = { ...status, state: 'ready' };
        return { ok: true, data: { user: admin, sessionToken: 'token' } };
      },
      'auth.session': () => ({ ok: true, data: { user: admin } }),
      'system.status': () => ({ ok: true, data: { dbPath: '\\\\nas\\sales\\baobei.sqlite', schemaVersion: 1, appSchemaVersion: 1, readOnly: false, lastBackupAt: null } }),
    });

    fireEvent.click(await screen.findByTestId('wizard-db-mode-create'));
    fireEvent.click(await screen.findByTestId('wizard-db-browse'));
    await waitFor(() => expect(screen.getByTestId('wizard-db-path')).toHaveProperty('value', '\\\\nas\\sales\\baobei.sqlite'));
    expect(calls.find((c) => c.operation === 'setup.browse')?.input).toEqual({ kind: 'create' });
    fireEvent.click(screen.getByTestId('wizard-db-submit'));

    await screen.findByTestId('wizard-admin-username');
    expect(calls.find((c) => c.operation === 'setup.useDatabase')?.input).toEqual({ mode: 'create', path: '\\\\nas\\sales\\baobei.sqlite' });
    type('wizard-admin-username', 'boss');
    type('wizard-admin-display-name', '老板');
    type('wizard-admin-password', 'first-run-pass');
    type('wizard-admin-password2', 'first-run-typo');
    fireEvent.click(screen.getByTestId('wizard-admin-submit'));
    expect(await screen.findByText('两次输入的密码不一致')).toBeTruthy();
    expect(calls.some((c) => c.operation === 'setup.createAdmin')).toBe(false);

    type('wizard-admin-password2', 'first-run-pass');
    fireEvent.click(screen.getByTestId('wizard-admin-submit'));
    expect((await screen.findByTestId('current-user')).textContent).toBe('老板');
    expect(calls.find((c) => c.operation === 'setup.createAdmin')?.input).toEqual({ username: 'boss', displayName: '老板', password: 'first-run-pass' });
  });

  it('creates the local database without asking for a path', async () => {
    const { calls } = renderApp({
      'setup.status': () => ({
        ok: true,
        data: { state: 'noDatabase', dbPath: null, errorKey: null, canChooseDatabase: true, defaultLocalPath: '/home/me/baobei.sqlite', lastUsername: null },
      }),
      'setup.useDatabase': () => ({ ok: true, data: { dbPath: '/home/me/baobei.sqlite' } }),
    });
    expect((await screen.findByText(/\/home\/me\/baobei\.sqlite/)).textContent).toContain('只在本机使用');
    expect(screen.queryByTestId('wizard-db-path')).toBeNull();
    fireEvent.click(screen.getByTestId('wizard-db-submit'));
    await waitFor(() => expect(calls.find((c) => c.operation === 'setup.useDatabase')?.input).toEqual({ mode: 'createLocal' }));
  });

  it('offers to retry a remembered database that did not open before offering another', async () => {
    let opened = false;
    const { calls } = renderApp({
      'setup.status': () => ({
        ok: true,
        data: opened
          ? { state: 'ready', dbPath: 'Z:\\baobei.sqlite', errorKey: null, canChooseDatabase: true, defaultLocalPath: null, lastUsername: 'li' }
          : { state: 'unavailable', dbPath: 'Z:\\baobei.sqlite', errorKey: 'error.DB_UNAVAILABLE', canChooseDatabase: true, defaultLocalPath: null, lastUsername: 'li' },
      }),
      'setup.useDatabase': () => {
        opened = true;
        return { ok: true, data: { dbPath: 'Z:\\baobei.sqlite' } };
      },
      'auth.session': () => ({ ok: true, data: { user: null } }),
    });
    expect((await screen.findByTestId('wizard-unavailable-reason')).textContent).toBe('无法访问数据库文件，请检查网络驱动器是否已连接');
    expect(screen.queryByTestId('wizard-db-submit')).toBeNull();
    fireEvent.click(screen.getByTestId('wizard-choose-another'));
    expect(await screen.findByTestId('wizard-db-submit')).toBeTruthy();

    fireEvent.click(screen.getByTestId('wizard-retry'));
    expect(await screen.findByTestId('signin-username')).toHaveProperty('value', 'li');
    expect(calls.find((c) => c.operation === 'setup.useDatabase')?.input).toEqual({ mode: 'open', path: 'Z:\\baobei.sqlite' });
  });
});
