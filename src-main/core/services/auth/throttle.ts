/** Free attempts before sign-in slows down; then 30 s, doubling per further failure, at most 15 min. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/** When the account unlocks after this many consecutive failures, or null while attempts are free. */
export function throttleAfterFailure(failures: number, now: Date): string | null {
  if (failures < FREE_ATTEMPTS) return null;
  const ms = Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MS);
  return new Date(now.getTime() + ms).toISOString();
}

export function secondsLocked(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
}
