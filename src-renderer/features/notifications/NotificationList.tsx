import { Button, Empty, Flex, Typography, theme } from 'antd';
import type { Notification, OutputOf } from '../../../src-shared/contract';
import { notificationText } from '../../../src-shared/domain/review/notification-target';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useLanguage } from '../../i18n/LanguageProvider';
import { localDateTime } from '../review/format';
import { useMarkRead } from './useOpenNotification';

interface NotificationListProps {
  inbox: OutputOf<'notifications.list'> | undefined;
  error: unknown;
  onOpen: (n: Notification) => void;
}

/** The newest notifications, unread ones marked; each opens its item; all can be marked read at once. */
export function NotificationList({ inbox, error, onOpen }: NotificationListProps) {
  const { language, t } = useLanguage();
  const { token } = theme.useToken();
  const markRead = useMarkRead();
  const items = inbox?.items ?? [];

  return (
    <Flex vertical gap={8} style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="inbox">
      <ErrorAlert error={error ?? markRead.error} testId="inbox-error" />
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.inbox.empty')} />
      ) : (
        items.map((n) => (
          <Flex
            key={n.id}
            gap={8}
            align="flex-start"
            data-testid={`inbox-item-${n.id}`}
            data-unread={!n.readAt}
            style={{ padding: '6px 8px', borderRadius: token.borderRadius, background: n.readAt ? undefined : token.colorPrimaryBg }}
          >
            <Flex vertical flex={1} gap={2}>
              <Typography.Link onClick={() => onOpen(n)} strong={!n.readAt} data-testid={`inbox-open-${n.id}`}>
                {notificationText(language, n)}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {localDateTime(n.createdAt)}
              </Typography.Text>
            </Flex>
            {!n.readAt && (
              <Button type="link" size="small" onClick={() => markRead.mutate({ ids: [n.id] })} data-testid={`inbox-mark-read-${n.id}`}>
                {t('ui.inbox.markRead')}
              </Button>
            )}
          </Flex>
        ))
      )}
      <Flex justify="end">
        <Button size="small" disabled={!inbox || inbox.unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })} data-testid="inbox-mark-all">
          {t('ui.inbox.markAllRead')}
        </Button>
      </Flex>
    </Flex>
  );
}
