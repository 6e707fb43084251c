import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Popover } from 'antd';
import { useState } from 'react';
import type { Notification, SessionUser } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { useT } from '../../i18n/LanguageProvider';
import { NotificationList } from './NotificationList';
import { INBOX_SIZE, notificationKeys } from './query-keys';
import { useAppOpenEvent } from './useAppOpenEvent';
import { useOpenNotification } from './useOpenNotification';

/**
 * The inbox in the header: a bell with the unread count and, on click, the newest notifications. It
 * refreshes through the change feed ('notifications'), and also takes the desktop notifications'
 * clicks, which Electron sends as app.open.
 */
export function NotificationBell({ user }: { user: SessionUser }) {
  const api = useApi();
  const t = useT();
  const [open, setOpen] = useState(false);
  const inbox = useQuery({ queryKey: notificationKeys.inbox, queryFn: () => api.call('notifications.list', { limit: INBOX_SIZE }) });
  const openNotification = useOpenNotification(user);
  useAppOpenEvent();
  const unread = inbox.data?.unread ?? 0;

  const onOpenItem = (n: Notification) => {
    setOpen(false);
    void openNotification(n);
  };

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('ui.inbox.title')}
      content={<NotificationList inbox={inbox.data} error={inbox.error} onOpen={onOpenItem} />}
    >
      <Button type="text" aria-label={t('ui.inbox.bellLabel', { count: unread })} data-testid="inbox-bell" data-unread={unread}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
