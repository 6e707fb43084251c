import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification, SessionUser } from '../../../src-shared/contract';
import { type RegistrationNow, notificationRoute } from '../../../src-shared/domain/review/notification-target';
import { useApi } from '../../api/ApiProvider';
import { openRoute } from '../shell/useHashRoute';
import { notificationKeys } from './query-keys';

/** Marks notifications read (some, or all), and refreshes the inbox with the count the server answers. */
export function useMarkRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: number[] } | { all: true }) => api.call('notifications.markRead', which),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox }),
  });
}

/**
 * Opens what a notification is about, and marks it read. Where it leads depends on the registration as
 * it is now (a submission already decided no longer opens the review screen), so a reviewer's click
 * looks it up first; a salesperson's always leads to 我的商机.
 */
export function useOpenNotification(user: SessionUser) {
  const api = useApi();
  const markRead = useMarkRead();
  return async (n: Notification) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    let registration: RegistrationNow | null = null;
    if (user.role !== 'sales' && n.entity === 'registration') {
      // A registration gone since (a discarded draft) still opens 我的商机, which says it is not there.
      registration = await api.call('registrations.get', { id: n.entityId }).catch(() => null);
    }
    openRoute(notificationRoute(n, user, registration));
  };
}
