import { Notification } from 'electron';
import type { Notification as InboxItem, InputOf, OperationName, OutputOf, SessionUser } from '../../src-shared/contract';
import { notificationRoute } from '../../src-shared/domain/review/notification-target';
import { translate } from '../../src-shared/i18n';
import type { Dispatch } from '../core/dispatch';
import type { Caller } from '../core/handler';
import type { AppHost } from '../core/host/app-host';
import { IPC } from './channels';
import type { AttachedWindow, Ipc } from './ipc';
import type { Logger } from './log';
import { type FeedCursor, planNotices } from './notification-feed';

export interface DesktopNotificationsOptions {
  host: AppHost;
  dispatch: Dispatch;
  ipc: Ipc;
  log: Logger;
}

/** How many unread notifications one check reads; more than MAX_NOTICES fold into a summary anyway. */
const UNREAD_PAGE = 50;

/**
 * Desktop notifications: when the change feed reports 'notifications', each window with someone
 * signed in asks, as that user and through the same dispatcher, for their new unread notifications and
 * pops them up (not while the window has the focus: its inbox is in view). A click focuses the window,
 * marks the notification read and sends the renderer `app.open` with the route to show.
 */
export function startDesktopNotifications({ host, dispatch, ipc, log }: DesktopNotificationsOptions): void {
  if (!Notification.isSupported()) return;
  const cursors = new WeakMap<Caller, FeedCursor>();
  // Shown notifications are kept until closed: one collected early loses its click handler.
  const live = new Set<Notification>();
  // One check at a time, so a burst of changes never pops the same notification up twice.
  let queue = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => {
    queue = queue.then(job).catch((e: unknown) => log('desktop notifications failed', e));
  };

  const call = async <K extends OperationName>(caller: Caller, op: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const result = await dispatch(caller, op, input);
    if (!result.ok) throw new Error(`${op}: ${result.error.code} ${result.error.key}`);
    return result.data as OutputOf<K>;
  };

  const check = async ({ win, caller }: AttachedWindow) => {
    if (win.isDestroyed()) return;
    const { user } = await call(caller, 'auth.session', {});
    if (!user) return;
    const cursor = cursors.get(caller);
    const sameUser = cursor?.userId === user.id;
    const unread = await call(caller, 'notifications.list', { unreadOnly: true, limit: UNREAD_PAGE, ...(cursor && sameUser ? { afterId: cursor.lastShownId } : {}) });
    const plan = planNotices(cursor, user.id, unread.items, host.language());
    cursors.set(caller, plan.cursor);
    if (win.isFocused()) return;
    for (const { notification, body } of plan.notices) show(body, () => enqueue(() => open({ win, caller }, user, notification)));
    if (plan.summary) show(plan.summary, () => focus({ win, caller }));
  };

  const show = (body: string, onClick: () => void) => {
    const notice = new Notification({ title: translate(host.language(), 'electron.appName'), body });
    live.add(notice);
    notice.on('close', () => live.delete(notice));
    notice.on('click', () => {
      live.delete(notice);
      onClick();
    });
    notice.show();
  };

  const focus = ({ win }: AttachedWindow) => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  /** Where the notification leads depends on the registration now: a decided submission no longer opens the review. */
  const open = async (attached: AttachedWindow, user: SessionUser, n: InboxItem) => {
    focus(attached);
    const registration =
      user.role !== 'sales' && n.entity === 'registration' ? await call(attached.caller, 'registrations.get', { id: n.entityId }).catch(() => null) : null;
    await call(attached.caller, 'notifications.markRead', { ids: [n.id] });
    if (!attached.win.isDestroyed()) attached.win.webContents.send(IPC.event, 'app.open', { hash: notificationRoute(n, user, registration) });
  };

  // Signing in starts the cursor at what is already unread: the inbox shows those, no pop-ups.
  ipc.onSignIn((attached) => {
    cursors.delete(attached.caller);
    enqueue(() => check(attached));
  });
  host.subscribe((name, payload) => {
    if (name !== 'db.changed' || !(payload as { areas: string[] }).areas.includes('notifications')) return;
    for (const attached of ipc.windows()) enqueue(() => check(attached));
  });
}
