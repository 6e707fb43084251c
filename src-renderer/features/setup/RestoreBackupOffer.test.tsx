// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../src-shared/contract';
import { renderApp } from '../../test/render-app';

const damaged: OutputOf<'setup.status'> = {
  state: 'unavailable',
  dbPath: 'Z:\\baobei.sqlite',
  errorKey: 'error.notADatabase',
  latestBackupAt: '2026-11-26T08:00:00.000Z',
  canChooseDatabase: true,
  defaultLocalPath: null,
  lastUsername: 'li',
};

describe('a remembered database that opened as damaged', () => {
  it('says so, offers the latest backup, and restores it only after the loss is confirmed', async () => {
    let status = damaged;
    const { calls } = renderApp({
      'setup.status': () => ({ ok: true, data: status }),
      'setup.useDatabase': () => {
        status = { ...damaged, state: 'ready', errorKey: null, latestBackupAt: undefined };
        return { ok: true, data: { dbPath: 'Z:\\baobei.sqlite', restored: { backupAt: damaged.latestBackupAt!, damagedCopy: 'Z:\\baobei.damaged-20261127-090000.sqlite' } } };
      },
      'auth.session': () => ({ ok: true, data: { user: null } }),
    });
    expect((await screen.findByTestId('wizard-unavailable-reason')).textContent).toBe('该文件不是报备数据库或已损坏');
    expect(screen.getByTestId('restore-offer').textContent).toContain('可以用本机');
    fireEvent.click(screen.getByTestId('restore-backup'));
    // Nothing happens before the person confirms what is lost.
    expect(await screen.findByText(/备份之后在任何电脑上录入的内容都会丢失/)).toBeTruthy();
    expect(calls.some((c) => c.operation === 'setup.useDatabase')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '恢 复' }));
    await waitFor(() => expect(calls.find((c) => c.operation === 'setup.useDatabase')?.input).toEqual({ mode: 'restoreBackup', path: 'Z:\\baobei.sqlite' }));
    expect(await screen.findByTestId('signin-username')).toHaveProperty('value', 'li');
  });

  it('says when there is no backup to restore', async () => {
    renderApp({ 'setup.status': () => ({ ok: true, data: { ...damaged, latestBackupAt: null } }) });
    expect(await screen.findByTestId('restore-none')).toBeTruthy();
    expect(screen.queryByTestId('restore-backup')).toBeNull();
  });

  it('offers nothing when the drive is merely unreachable', async () => {
    const { latestBackupAt: _, ...unreachable } = damaged;
    renderApp({ 'setup.status': () => ({ ok: true, data: { ...unreachable, errorKey: 'error.DB_UNAVAILABLE' } }) });
    expect(await screen.findByTestId('wizard-retry')).toBeTruthy();
    expect(screen.queryByTestId('restore-offer')).toBeNull();
    expect(screen.queryByTestId('restore-none')).toBeNull();
  });
});
