import type { Language } from '../../src-shared/contract/system';
import type { Notification } from '../../src-shared/contract';
import { notificationText } from '../../src-shared/domain/review/notification-target';
import { translate } from '../../src-shared/i18n';

/** Per window: whose notifications it shows, and the newest one already shown (or already there at sign-in). */
export interface FeedCursor {
  userId: number;
  lastShownId: number;
}

export interface NoticePlan {
  cursor: FeedCursor;
  /** Oldest first, each with its sentence in the user's language. */
  notices: { notification: Notification; body: string }[];
  /** "N more new notifications", when more arrived at once than are worth a pop-up each. */
  summary: string | null;
}

/** More pop-ups than this at once (a bulk approval, say) are folded into one summary. */
export const MAX_NOTICES = 3;

/**
 * Which of a user's unread notifications a window pops up. Without a cursor for this user (just signed
 * in, or someone else signed in), what is already unread sets the cursor and nothing pops up: the inbox
 * shows those. After that, each unread notification newer than the cursor pops up once.
 */
export function planNotices(cursor: FeedCursor | undefined, userId: number, unread: readonly Notification[], language: Language): NoticePlan {
  const newestId = unread.reduce((max, n) => Math.max(max, n.id), 0);
  if (!cursor || cursor.userId !== userId) return { cursor: { userId, lastShownId: newestId }, notices: [], summary: null };
  const fresh = unread.filter((n) => n.id > cursor.lastShownId && n.readAt === null).sort((a, b) => a.id - b.id);
  const shown = fresh.slice(-MAX_NOTICES);
  const more = fresh.length - shown.length;
  return {
    cursor: { userId, lastShownId: Math.max(cursor.lastShownId, newestId) },
    notices: shown.map((notification) => ({ notification, body: notificationText(language, notification) })),
    summary: more > 0 ? translate(language, 'electron.notification.more', { count: more }) : null,
  };
}
