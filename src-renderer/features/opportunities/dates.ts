import dayjs from 'dayjs';

/** A stored instant (UTC ISO) as this PC's local date; null stays null. */
export const localDate = (iso: string | null): string | null => (iso ? dayjs(iso).format('YYYY-MM-DD') : null);

/** A stored instant as this PC's local date and time. */
export const localDateTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Whole days from one YYYY-MM-DD to another (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
