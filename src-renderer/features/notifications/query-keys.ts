/** The inbox, under the change-feed area 'notifications' (see api/query-keys.ts). */
export const notificationKeys = {
  inbox: ['notifications', 'inbox'] as const,
};

/** How many of the newest notifications the inbox shows. */
export const INBOX_SIZE = 30;
