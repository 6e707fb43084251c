// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeHandlers } from '../../test/fake-transport';
import { failure } from '../../test/fake-transport';
import { renderApp } from '../../test/render-app';

const signedOut = (lastUsername: string | null): FakeHandlers => ({
  'setup.status': () => ({
    ok: true,
    data: { state: 'ready', dbPath: '/data/office.sqlite', errorKey: null, canChooseDatabase: false, defaultLocalPath: null, lastUsername },
  }),
  'auth.session': () => ({ ok: true, data: { user: null } }),
});
const ready = signedOut('admin');

async function submitPassword(password: string) {
  const input = await screen.findByTestId('signin-password');
  fireEvent.change(input, { target: { value: password } });
  fireEvent.click(screen.getByTestId('signin-submit'));
}

describe('sign-in', () => {
  it('prefills the last username and shows the typed error of a wrong password', async () => {
    const { calls } = renderApp({ ...ready, 'auth.signIn': () => failure('UNAUTHENTICATED', 'error.wrongCredentials') });
    expect(await screen.findByTestId('signin-username')).toHaveProperty('value', 'admin');
    await submitPassword('not-the-password');
    expect((await screen.findByTestId('signin-error')).textContent).toBe('用户名或密码错误');
    expect(calls.find((c) => c.operation === 'auth.signIn')?.input).toEqual({ username: 'admin', password: 'not-the-password' });
    // The wrong password is cleared for the next attempt.
    expect(screen.getByTestId('signin-password')).toHaveProperty('value', '');
  });

  it('tells how long sign-in is locked after too many wrong passwords', async () => {
    renderApp({ ...ready, 'auth.signIn': () => failure('FORBIDDEN', 'error.throttled', { seconds: 30 }) });
    await submitPassword('again-wrong');
    expect((await screen.findByTestId('signin-error')).textContent).toBe('密码错误次数过多，请 30 秒后再试');
  });

  it('checks the fields with the shared schemas before calling the main process', async () => {
    const { calls } = renderApp(signedOut(null));
    fireEvent.click(await screen.findByTestId('signin-submit'));
    await waitFor(() => expect(screen.getAllByText('必填')).toHaveLength(2));
    expect(calls.some((c) => c.operation === 'auth.signIn')).toBe(false);
  });

  it('stays signed in when a session refetch asked before the sign-in answers after it', async () => {
    const user = { id: 1, username: 'admin', displayName: '系统管理员', role: 'admin' as const };
    let answerStaleSession = (): void => undefined;
    let signedIn = false;
    let sessionCalls = 0;
    const { emit } = renderApp({
      ...ready,
      'auth.session': () => {
        sessionCalls += 1;
        if (signedIn) return { ok: true, data: { user } };
        if (sessionCalls === 1) return { ok: true, data: { user: null } };
        // The change feed's refetch, sent before the token existed, answers late.
        return new Promise((resolve) => (answerStaleSession = () => resolve({ ok: true, data: { user: null } })));
      },
      'auth.signIn': () => {
        // The sign-in's own write reaches the change feed before its answer reaches the tab.
        emit('db.changed', { areas: ['users'] });
        signedIn = true;
        return { ok: true, data: { user, sessionToken: 'token' } };
      },
      'system.status': () => ({ ok: true, data: { dbPath: '/data/office.sqlite', schemaVersion: 1, appSchemaVersion: 1, readOnly: false, lastBackupAt: null } }),
    });
    await submitPassword('right-password');
    await screen.findByTestId('current-user');
    answerStaleSession();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('current-user')).not.toBeNull();
  });

  it('opens the app once signed in', async () => {
    const user = { id: 1, username: 'admin', displayName: '系统管理员', role: 'admin' as const };
    renderApp({
      ...ready,
      'auth.signIn': () => ({ ok: true, data: { user, sessionToken: 'token' } }),
      'system.status': () => ({ ok: true, data: { dbPath: '/data/office.sqlite', schemaVersion: 1, appSchemaVersion: 1, readOnly: false, lastBackupAt: null } }),
    });
    await submitPassword('right-password');
    expect((await screen.findByTestId('current-user')).textContent).toBe('系统管理员');
    expect((await screen.findByTestId('status-db-path')).textContent).toBe('/data/office.sqlite');
  });
});
