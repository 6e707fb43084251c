import dayjs from 'dayjs';

const yuan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** An amount in yuan as ¥ #,##0; a missing budget as a dash. */
export const formatBudget = (amount: number | null): string => (amount === null ? '—' : `¥ ${yuan.format(amount)}`);

/** A stored instant (UTC ISO) as this PC's local date and time. */
export const localDateTime = (iso: string | null): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
