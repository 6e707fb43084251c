import type { ConflictProbe, InputOf } from '../../../src-shared/contract';

/**
 * Query keys of the registration screens; each starts with the change-feed area whose writes change
 * the answer (see api/query-keys.ts).
 */
export const registrationKeys = {
  conflicts: (probe: ConflictProbe | null) => ['registrations', 'conflicts', probe] as const,
  list: (input: InputOf<'registrations.list'>) => ['registrations', 'list', input] as const,
  // Under 'registrations', not 'pool': a new registration or a withdrawal changes the pool too, and
  // those writes report only 'registrations' (every write that reports 'pool' also reports it).
  pool: (input: InputOf<'pool.list'>) => ['registrations', 'pool', input] as const,
  extensions: ['reviews', 'extensions'] as const,
};
