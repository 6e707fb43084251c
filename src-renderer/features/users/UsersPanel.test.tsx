// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppErrorShape, User } from '../../../src-shared/contract';
import { type FakeHandlers, failure } from '../../test/fake-transport';
import { renderApp } from '../../test/render-app';

const admin = { id: 1, username: 'admin', displayName: '系统管理员', role: 'admin' as const };
const adminRow: User = { ...admin, active: true, version: 0, createdAt: '2026-01-01T00:00:00.000Z' };

function signedInAdmin(users: () => User[], more: FakeHandlers = {}): FakeHandlers {
  window.location.hash = '/settings';
  return {
    'setup.status': () => ({ ok: true, data: { state: 'ready', dbPath: '/d.sqlite', errorKey: null, canChooseDatabase: false, defaultLocalPath: null, lastUsername: 'admin' } }),
    'auth.session': () => ({ ok: true, data: { user: admin } }),
    'system.status': () => ({ ok: true, data: { dbPath: '/d.sqlite', schemaVersion: 1, appSchemaVersion: 1, readOnly: false, lastBackupAt: null } }),
    'users.list': () => ({ ok: true, data: users() }),
    ...more,
  };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('user administration', () => {
  it('adds a user with the chosen role and lists them', async () => {
    const users = [adminRow];
    const { calls } = renderApp(
      signedInAdmin(() => users, {
        'users.create': (input) => {
          const created: User = { id: 2, username: input.username, displayName: input.displayName, role: input.role, active: true, version: 0, createdAt: adminRow.createdAt };
          users.push(created);
          return { ok: true, data: created };
        },
      }),
    );
    fireEvent.click(await screen.findByTestId('users-add'));
    type('user-form-username', 'zhangwei');
    type('user-form-display-name', '张伟');
    fireEvent.mouseDown(within(screen.getByTestId('user-form-role')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('user-form-role-option-sales'));
    type('user-form-password', 'zhangwei-pass');
    fireEvent.click(screen.getByTestId('user-form-submit'));

    await waitFor(() => expect(within(screen.getByTestId('users-table')).getByText('zhangwei')).toBeTruthy());
    expect(calls.find((c) => c.operation === 'users.create')?.input).toEqual({
      username: 'zhangwei',
      displayName: '张伟',
      role: 'sales',
      password: 'zhangwei-pass',
    });
  });

  async function submitNewUser(username: string, displayName: string) {
    fireEvent.click(await screen.findByTestId('users-add'));
    type('user-form-username', username);
    type('user-form-display-name', displayName);
    fireEvent.mouseDown(within(screen.getByTestId('user-form-role')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('user-form-role-option-reviewer'));
    type('user-form-password', 'some-password');
    fireEvent.click(screen.getByTestId('user-form-submit'));
  }

  it('shows the main process\'s message and keeps what was typed', async () => {
    renderApp(signedInAdmin(() => [adminRow], { 'users.create': () => failure('CONFLICT', 'error.usernameTaken', { username: 'admin' }) }));
    await submitNewUser('admin', '另一个');
    expect((await screen.findByTestId('user-form-error')).textContent).toBe('用户名“admin”已存在');
    expect(screen.getByTestId('user-form-display-name')).toHaveProperty('value', '另一个');
  });

  it('puts field issues of a VALIDATION error on the fields they name', async () => {
    const issue = { path: ['displayName'], key: 'v.tooLong', message: '内容过长' };
    renderApp(
      signedInAdmin(() => [adminRow], {
        'users.create': () => {
          const { error } = failure('VALIDATION') as { error: AppErrorShape };
          return { ok: false, error: { ...error, details: { issues: [issue] } } };
        },
      }),
    );
    await submitNewUser('newbie', '名字');
    const field = (await screen.findByTestId('user-form-display-name')).closest('.ant-form-item');
    await waitFor(() => expect(field?.textContent).toContain('内容过长'));
  });

  it('offers to reload after a STALE save and then saves with the new version, keeping the typed values', async () => {
    let row: User = { ...adminRow, id: 2, username: 'li', displayName: '李雷', role: 'sales' };
    const { calls } = renderApp(
      signedInAdmin(() => [adminRow, row], {
        'users.update': (input) => {
          if (input.version !== row.version) return failure('STALE');
          row = { ...row, ...input, version: row.version + 1 };
          return { ok: true, data: row };
        },
      }),
    );
    fireEvent.click(await screen.findByTestId('user-edit-li'));
    // Someone else saves this user meanwhile.
    row = { ...row, version: 5 };
    type('user-edit-display-name', '李雷雷');
    fireEvent.click(screen.getByTestId('user-edit-submit'));
    expect((await screen.findByTestId('user-edit-error')).textContent).toContain('已被其他人修改');

    fireEvent.click(screen.getByTestId('user-edit-reload'));
    await waitFor(() => expect(screen.queryByTestId('user-edit-error')).toBeNull());
    expect(screen.getByTestId('user-edit-display-name')).toHaveProperty('value', '李雷雷');
    fireEvent.click(screen.getByTestId('user-edit-submit'));
    await waitFor(() => expect(row.displayName).toBe('李雷雷'));
    expect(calls.filter((c) => c.operation === 'users.update').map((c) => (c.input as { version: number }).version)).toEqual([0, 5]);
  });

  it('refetches the list when the change feed says users changed', async () => {
    let users = [adminRow];
    const { emit } = renderApp(signedInAdmin(() => users));
    await screen.findByTestId('users-table');
    users = [...users, { ...adminRow, id: 3, username: 'wang', displayName: '王芳' }];
    emit('db.changed', { areas: ['users'] });
    expect(await screen.findByText('王芳')).toBeTruthy();
  });
});
