import { ClockCircleOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useT } from '../../i18n/LanguageProvider';
import type { AppArea } from './areas';

/** The page of an area that is not built yet. */
export function ComingSoon({ area }: { area: AppArea }) {
  const t = useT();
  return <Result icon={<ClockCircleOutlined />} title={t(`ui.nav.${area}`)} subTitle={<span data-testid="coming-soon">{t('ui.comingSoon')}</span>} />;
}
