import type { Language } from '../../contract/system';
import { translate } from '../../i18n';

/** What a notification says and points at (the inbox's items, a desktop notification's source). */
export interface NotificationRef {
  kind: string;
  entity: string;
  entityId: number;
  params: Record<string, string | number>;
}

export interface NotificationViewer {
  id: number;
  role: 'admin' | 'reviewer' | 'sales';
}

/** The registration a notification is about, as it is now: it may have been decided since. */
export interface RegistrationNow {
  status: string;
  ownerId: number;
}

/**
 * The hash route (without '#') a notification opens. A registration still waiting for review opens
 * the review screen for those who may review it; everything else opens 我的商机 on that registration,
 * where its owner sees the status and the reviewer's reasons.
 */
export function notificationRoute(n: NotificationRef, viewer: NotificationViewer, registration: RegistrationNow | null): string {
  if (n.entity !== 'registration') return '/myOpportunities';
  const reviewable = viewer.role !== 'sales' && registration?.status === 'submitted' && registration.ownerId !== viewer.id;
  return reviewable ? `/review/${n.entityId}` : `/myOpportunities?id=${n.entityId}`;
}

/**
 * The notification's sentence in the viewer's language. A decision without a reason (an approval, an
 * extension rejected without comment) is stored with an empty reason: its empty brackets are dropped.
 */
export function notificationText(language: Language, n: Pick<NotificationRef, 'kind' | 'params'>): string {
  const text = translate(language, `notification.${n.kind}`, n.params);
  return n.params.reason === '' ? text.replace(/\s*[（(]\s*[）)]/g, '') : text;
}
