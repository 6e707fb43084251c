import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space } from 'antd';
import type { ReportFilters } from '../../../src-shared/contract/report';
import { errorText } from '../../forms/errors';
import { useT } from '../../i18n/LanguageProvider';
import { useReportExport } from './useReportExport';

/**
 * 导出 Excel: the funnel report workbook for the filters the dashboard shows, with a progress bar
 * while a large export runs. Place it beside the dashboard's filters and hand it the same filters.
 */
export function ExportButton({ filters }: { filters: ReportFilters }) {
  const t = useT();
  const { message } = App.useApp();
  const { job, run, cancel } = useReportExport();

  const start = async () => {
    try {
      const outcome = await run(filters);
      if (outcome.kind === 'downloaded') void message.success(t('report.export.done'));
      if (outcome.kind === 'saved') void message.success(t('report.export.saved', { file: outcome.file }));
    } catch (e) {
      void message.error(t('report.export.failed', { message: errorText(e, t) }));
    }
  };

  if (!job) {
    return (
      <Button icon={<DownloadOutlined />} onClick={() => void start()} data-testid="report-export">
        {t('report.export.button')}
      </Button>
    );
  }
  const percent = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  return (
    <Space data-testid="report-export-progress">
      <span>{t('report.export.running')}</span>
      <Progress percent={percent} size="small" style={{ width: 160, margin: 0 }} status="active" />
      <Button size="small" onClick={() => void cancel()} disabled={job.state !== 'running'}>
        {t('report.export.cancel')}
      </Button>
    </Space>
  );
}
