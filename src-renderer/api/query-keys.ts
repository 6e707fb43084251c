/**
 * Query keys start with the change-feed area they read, so a `db.changed` event invalidates exactly
 * the queries of the areas that moved. Keys of data outside the database use names that are no area.
 */
export const queryKeys = {
  /** This PC's settings (language, last user): a local file, not the database. */
  localSettings: ['localSettings'],
  setupStatus: ['setup', 'status'],
  systemStatus: ['system', 'status'],
  // Under 'users', so a deactivation or role change made on another PC reaches the signed-in screen.
  session: ['users', 'session'],
  users: ['users', 'list'],
} as const;
