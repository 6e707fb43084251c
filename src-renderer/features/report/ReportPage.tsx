import { FunnelPlotOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import type { SessionUser } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { ExportButton } from './ExportButton';

/**
 * The 漏斗 area until the dashboard exists: the report export for all the caller may see. The
 * dashboard replaces this page and places ExportButton beside its own filters.
 */
export function ReportPage(_: { user: SessionUser }) {
  const t = useT();
  return <Result icon={<FunnelPlotOutlined />} title={t('report.title')} extra={<ExportButton filters={{}} />} />;
}
