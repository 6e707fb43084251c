/** The only source of "now" for services, so tests can move time. Instants are stored as UTC ISO strings. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock): string => clock.now().toISOString();

/** Today's date (YYYY-MM-DD) on this PC's calendar: what "not in the past" means to the person typing. */
export function localDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

export const localToday = (clock: Clock): string => localDate(clock.now());
