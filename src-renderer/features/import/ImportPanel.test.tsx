// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportMapping, ImportPreview, ImportReport } from '../../../src-shared/contract/import';
import { createApiClient } from '../../api/client';
import { AppProviders } from '../../app/AppProviders';
import { fakeTransport } from '../../test/fake-transport';
import { ImportPanel } from './ImportPanel';

const admin = { id: 1, username: 'admin', displayName: '系统管理员', role: 'admin' as const };

const mapping: ImportMapping = {
  columns: { 客户名称: 'customerName', 销售: 'owner', 状态: 'status' },
  statusValues: { 待审核: { status: 'submitted' } },
  stageValues: {},
  customerKindValues: {},
  owners: {},
  unknownOwners: 'create',
  dateFormat: 'ymd',
  amountUnit: 'yuan',
  defaultStatus: 'submitted',
  incompleteOpenRows: 'return',
};

const preview: ImportPreview = {
  fileType: 'csv',
  encoding: 'gb18030',
  sheetName: null,
  headers: ['客户名称', '销售', '状态'],
  rowCount: 2,
  sample: [
    ['深圳市星辰科技有限公司', '李雷', '待审核'],
    ['广州云帆贸易有限公司', 'Moses Frase', '跟进中?'],
  ],
  distinct: { 客户名称: [], 销售: [{ value: '李雷', count: 1 }, { value: 'Moses Frase', count: 1 }], 状态: [{ value: '待审核', count: 1 }, { value: '跟进中?', count: 1 }] },
  mapping,
  remembered: false,
  users: [{ username: 'li', displayName: '李雷', active: true }],
};

const report = (dryRun: boolean): ImportReport => ({
  dryRun,
  rows: [
    { row: 2, status: 'created', registrationStatus: 'submitted' },
    { row: 3, status: 'invalid', errors: [{ field: 'status', key: 'import.v.unmappedStatus', message: '状态“跟进中?”未对应任何状态，请在映射中指定' }] },
  ],
  summary: { total: 2, created: 1, invalid: 1, conflict: 0, byStatus: { submitted: 1 } },
  createdUsers: [{ username: 'moses.frase', displayName: 'Moses Frase' }],
});

describe('import panel', () => {
  it('previews the chosen file, shows the run’s progress while it works, then every row’s result', async () => {
    let finishDryRun: (() => void) | undefined;
    const fake = fakeTransport({
      'import.preview': () => ({ ok: true, data: preview }),
      'import.dryRun': (input) =>
        new Promise((resolve) => {
          finishDryRun = () => resolve({ ok: true, data: report(true) });
          queueMicrotask(() => fake.emit('import.progress', { importId: input.importId ?? '', done: 1, total: 2 }));
        }),
    });
    render(
      <AppProviders client={createApiClient(fake.transport)}>
        <ImportPanel user={admin} />
      </AppProviders>,
    );
    const input = (await screen.findByTestId('import-file')).querySelector('input[type=file]')!;
    fireEvent.change(input, { target: { files: [new File(['客户名称,销售,状态\n'], '商机.csv', { type: 'text/csv' })] } });

    expect((await screen.findByTestId('import-file-summary')).textContent).toBe('商机.csv：2 行，GBK/GB18030 编码');
    // Only the owner value that is no user needs a decision; the unknown status is shown unmapped.
    expect(within(screen.getByTestId('import-owner-values')).queryByText('李雷')).toBeNull();
    expect(within(screen.getByTestId('import-owner-values')).getByText('Moses Frase')).toBeTruthy();
    expect(within(screen.getByTestId('import-status-values')).getByText('未映射（该行无效）')).toBeTruthy();

    fireEvent.click(screen.getByTestId('import-dry-run'));
    await waitFor(() => expect(screen.getByTestId('import-progress').textContent).toContain('50%'));
    expect(fake.calls.find((c) => c.operation === 'import.dryRun')?.input).toMatchObject({ file: { name: '商机.csv' }, mapping });
    finishDryRun?.();

    expect((await screen.findByTestId('import-summary')).textContent).toBe('试导入（未写入）：共 2 行，可导入 1 行，无效 1 行，撞单 0 行');
    expect(screen.getByTestId('import-created-users').textContent).toBe('Moses Frase（moses.frase）');
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(screen.getByTestId('import-results').textContent).toContain('状态：状态“跟进中?”未对应任何状态');
  });
});
