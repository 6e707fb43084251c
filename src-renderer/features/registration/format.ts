import dayjs from 'dayjs';

/** Today on this PC's calendar (YYYY-MM-DD): what "not in the past" means to the person typing. */
export const localToday = (): string => dayjs().format('YYYY-MM-DD');

/** A stored instant (UTC ISO) as this PC's local date and time. */
export const localDateTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');

const yuanFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** An amount in yuan as "¥ 1,200,000". */
export const formatYuan = (yuan: number): string => `¥ ${yuanFormat.format(yuan)}`;

/** Yuan in 万元 (ten-thousands, how Chinese budgets are spoken of), to at most four decimals. */
export const formatWan = (yuan: number, language: string): string =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(yuan / 10_000);
