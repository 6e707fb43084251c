// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ReportJob } from '../../../src-shared/contract/report';
import { createApiClient } from '../../api/client';
import { AppProviders } from '../../app/AppProviders';
import { type FakeHandlers, failure, fakeTransport } from '../../test/fake-transport';
import { ExportButton } from './ExportButton';

const job = (over: Partial<ReportJob>): ReportJob => ({
  jobId: 'j1',
  state: 'running',
  done: 0,
  total: 1000,
  fileName: '销售漏斗报表-2026-11-27.xlsx',
  delivery: 'saveDialog',
  downloadUrl: null,
  error: null,
  ...over,
});

/** A job that reports `steps` one poll after another. */
function renderButton(steps: ReportJob[], more: FakeHandlers = {}) {
  let poll = 0;
  const fake = fakeTransport({
    'report.start': () => ({ ok: true, data: steps[0]! }),
    'report.progress': () => ({ ok: true, data: steps[Math.min(++poll, steps.length - 1)]! }),
    ...more,
  });
  render(
    <AppProviders client={createApiClient(fake.transport)}>
      <ExportButton filters={{ channels: ['老客户介绍'] }} />
    </AppProviders>,
  );
  return fake;
}

describe('ExportButton', () => {
  it('shows the progress of a large export, then saves through the save dialog where there is one', async () => {
    const { calls } = renderButton([job({}), job({ done: 500 }), job({ state: 'done', done: 1000 })], {
      'report.save': () => ({ ok: true, data: { file: 'D:\\报表\\销售漏斗报表-2026-11-27.xlsx' } }),
    });
    fireEvent.click(await screen.findByTestId('report-export'));
    expect(await screen.findByTestId('report-export-progress')).toBeTruthy();
    expect(await screen.findByText('已保存到 D:\\报表\\销售漏斗报表-2026-11-27.xlsx', {}, { timeout: 5_000 })).toBeTruthy();
    expect(calls.find((c) => c.operation === 'report.start')?.input).toEqual({ filters: { channels: ['老客户介绍'] } });
    expect(calls.some((c) => c.operation === 'report.save')).toBe(true);
    expect(await screen.findByTestId('report-export')).toBeTruthy();
  });

  it('hands a finished export to the browser as a download in the browser host', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderButton([job({ delivery: 'download' }), job({ delivery: 'download', state: 'done', downloadUrl: '/report/download?key=k' })]);
    fireEvent.click(await screen.findByTestId('report-export'));
    expect(await screen.findByText('报表已导出', {}, { timeout: 5_000 })).toBeTruthy();
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/report/download?key=k');
    expect(link.download).toBe('销售漏斗报表-2026-11-27.xlsx');
    click.mockRestore();
  });

  it('says why an export failed', async () => {
    renderButton([job({}), job({ state: 'failed', error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } })]);
    fireEvent.click(await screen.findByTestId('report-export'));
    expect(await screen.findByText('导出失败：没有权限执行此操作', {}, { timeout: 5_000 })).toBeTruthy();
  });

  it('says so when the export cannot even start', async () => {
    renderButton([], { 'report.start': () => failure('CONFLICT', 'report.error.busy') });
    fireEvent.click(await screen.findByTestId('report-export'));
    expect(await screen.findByText('导出失败：您已有一份报表正在导出，请等它完成')).toBeTruthy();
  });
});
