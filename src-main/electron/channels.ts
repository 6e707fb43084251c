/** The two IPC channels, shared by preload.ts and ipc.ts (ARCHITECTURE.md rule 2). */
export const IPC = {
  /** invoke(operation, input) → Result */
  rpc: 'rpc',
  /** main → renderer: (event name, payload) for db.changed and db.health */
  event: 'event',
} as const;
