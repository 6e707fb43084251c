import { DatabaseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, type BadgeProps, Flex, Tag, Typography } from 'antd';
import type { EventMap } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { useDbHealth } from '../../app/DbHealthProvider';
import { errorText } from '../../forms/errors';
import { useT } from '../../i18n/LanguageProvider';

const badgeOf: Record<EventMap['db.health']['state'], BadgeProps['status']> = { ok: 'success', busy: 'warning', unavailable: 'error' };

/** Which database file this app is on, and whether the drive answers. */
export function StatusLine() {
  const api = useApi();
  const t = useT();
  const health = useDbHealth();
  const status = useQuery({ queryKey: queryKeys.systemStatus, queryFn: () => api.call('system.status', {}) });
  return (
    <Flex justify="space-between" gap={16} wrap>
      <Typography.Text type="secondary">
        <DatabaseOutlined /> {t('ui.status.database')}{' '}
        <span data-testid="status-db-path">{status.data?.dbPath ?? (status.error ? errorText(status.error, t) : '…')}</span>
        {status.data?.readOnly && (
          <Tag color="warning" style={{ marginInlineStart: 8 }}>
            {t('ui.status.readOnly')}
          </Tag>
        )}
      </Typography.Text>
      <Badge status={badgeOf[health.state]} text={<span data-testid="status-health">{t(`ui.health.${health.state}`)}</span>} />
    </Flex>
  );
}
