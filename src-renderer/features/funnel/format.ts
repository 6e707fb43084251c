import type { Language } from '../../../src-shared/contract/system';
import type { Translate } from '../../i18n/LanguageProvider';

/** Amounts as Chinese readers expect them, in 万元; English readers get a compact ¥ figure. */
export function formatAmount(amount: number, language: Language, t: Translate): string {
  if (language === 'zh-CN') {
    const wan = amount / 10_000;
    return t('funnel.amount.wan', { value: wan.toLocaleString('zh-CN', { maximumFractionDigits: wan >= 100 ? 0 : 1 }) });
  }
  return new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

export const formatPercent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
