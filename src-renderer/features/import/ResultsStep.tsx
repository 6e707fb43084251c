import { Alert, Button, Descriptions, Flex, Popconfirm, Space, Tag } from 'antd';
import type { Status } from '../../../src-shared/contract';
import type { ImportReport } from '../../../src-shared/contract/import';
import { useT } from '../../i18n/LanguageProvider';
import { StatusTag } from '../registration/StatusTag';
import { ResultTable } from './ResultTable';

/** A dry run's or a real run's report: the counts, the accounts made, every row; then confirm or start over. */
export function ResultsStep({
  report,
  busy,
  onConfirm,
  onBack,
  onRestart,
  onErrorReport,
  reportBusy,
}: {
  report: ImportReport;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
  onRestart: () => void;
  onErrorReport: () => void;
  reportBusy: boolean;
}) {
  const t = useT();
  const { summary } = report;
  const counts = { total: summary.total, created: summary.created, invalid: summary.invalid, conflict: summary.conflict };
  const problems = summary.invalid + summary.conflict;
  return (
    <Flex vertical gap={16}>
      <Alert
        type={report.dryRun ? 'info' : 'success'}
        showIcon
        title={<span data-testid="import-summary">{t(report.dryRun ? 'ui.import.dryRunSummary' : 'ui.import.doneSummary', counts)}</span>}
      />
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('ui.import.byStatus')}>
          <Space wrap size={4}>
            {Object.entries(summary.byStatus).map(([status, n]) => (
              <span key={status}>
                <StatusTag status={status as Status} /> {n}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        {report.createdUsers.length > 0 && (
          <Descriptions.Item label={t(report.dryRun ? 'ui.import.usersToCreate' : 'ui.import.usersCreated')}>
            <Space wrap size={4} data-testid="import-created-users">
              {report.createdUsers.map((u) => (
                <Tag key={u.username}>{`${u.displayName}（${u.username}）`}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap>
        {report.dryRun && (
          <Button onClick={onBack} disabled={busy}>
            {t('ui.import.backToMapping')}
          </Button>
        )}
        {problems > 0 && (
          <Button onClick={onErrorReport} loading={reportBusy} data-testid="import-error-report">
            {t('ui.import.errorReport')}
          </Button>
        )}
        {report.dryRun ? (
          <Popconfirm title={t('ui.import.confirmTitle', { rows: summary.created })} okText={t('ui.import.confirm')} onConfirm={onConfirm} disabled={summary.created === 0}>
            <Button type="primary" loading={busy} disabled={summary.created === 0} data-testid="import-confirm">
              {t('ui.import.confirm')}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="primary" onClick={onRestart} data-testid="import-restart">
            {t('ui.import.another')}
          </Button>
        )}
      </Space>
      <ResultTable rows={report.rows} />
    </Flex>
  );
}
