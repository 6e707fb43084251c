import { z } from 'zod';

/** Above a trillion yuan a budget is a typo, and cents of larger amounts would lose precision. */
export const maxBudgetYuan = 1_000_000_000_000;

/**
 * Reads an amount in yuan as people write it: 12000, "12,000.50", "¥12000", "12000元", and
 * "50万" / "50万元" (ten-thousands, the usual unit of Chinese budgets). Returns the amount in yuan,
 * or null when it is not a plain non-negative amount with at most two decimals.
 */
export function parseYuan(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && hasAtMostCents(value) ? value : null;
  const text = value.normalize('NFKC').replace(/[\s,]/g, '').replace(/^(?:¥|rmb|cny)/i, '').replace(/元$/, '');
  const tenThousands = /^(\d+(?:\.\d{1,6})?)万$/.exec(text);
  if (tenThousands) {
    const yuan = Math.round(Number(tenThousands[1]) * 10_000 * 100) / 100;
    return hasAtMostCents(Number(tenThousands[1]) * 10_000) ? yuan : null;
  }
  return /^\d+(?:\.\d{1,2})?$/.test(text) ? Number(text) : null;
}

function hasAtMostCents(yuan: number): boolean {
  const cents = yuan * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-6;
}

/** Budget in CNY (yuan): a number or a string as above, greater than 0, at most two decimals. */
export const budgetSchema = z
  .union([z.number(), z.string()], { error: 'v.budget' })
  .transform((value, ctx) => {
    const yuan = parseYuan(value);
    if (yuan === null || yuan <= 0) {
      ctx.addIssue('v.budget');
      return z.NEVER;
    }
    if (yuan > maxBudgetYuan) {
      ctx.addIssue('v.budgetTooLarge');
      return z.NEVER;
    }
    return yuan;
  });
