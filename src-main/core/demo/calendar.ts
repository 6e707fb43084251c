import type { Random } from './random';
import { DAY_MS } from './lifecycle';

/** The demo office is in China: dates and office hours are Beijing time (UTC+8), stored as UTC. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 00:00 Beijing time of the day `ms` falls on. */
export const beijingDayStart = (ms: number): number => ms - ((((ms + BEIJING_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS);

/** YYYY-MM-DD on the Beijing calendar. */
export const beijingDate = (ms: number): string => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/**
 * The same Beijing day at a time between 09:00 and 18:30; a weekend day mostly moves to the Monday,
 * since offices rarely register deals on Sundays. May land after `ms`: callers clamp where order matters.
 */
export function duringOfficeHours(rng: Random, ms: number): number {
  let dayStart = beijingDayStart(ms);
  const weekday = new Date(dayStart + BEIJING_OFFSET_MS).getUTCDay();
  if ((weekday === 0 || weekday === 6) && rng.chance(0.85)) dayStart += (weekday === 6 ? 2 : 1) * DAY_MS;
  return dayStart + rng.between(9, 18.5) * 60 * 60 * 1000;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
