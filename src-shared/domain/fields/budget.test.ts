import { describe, expect, it } from 'vitest';
import { budgetSchema, parseYuan } from './budget';

const issue = (value: unknown) => budgetSchema.safeParse(value).error?.issues[0]?.message;

describe('budget (CNY)', () => {
  it.each([
    [120000, 120000],
    [0.01, 0.01],
    [99.9, 99.9],
    ['12,000.50', 12000.5],
    ['¥8000', 8000],
    ['￥ 8,000 元', 8000],
    ['50万', 500000],
    ['1.5万元', 15000],
    ['１２０００', 12000],
  ])('accepts %j as %d yuan', (value, yuan) => {
    expect(budgetSchema.parse(value)).toBe(yuan);
  });

  it.each([0, -1, '0', '0.00', 1.234, '12.345', 'abc', '', '1e5', Number.NaN, Number.POSITIVE_INFINITY, '-500'])('rejects %j', (value) => {
    expect(issue(value)).toBe('v.budget');
  });

  it('rejects amounts above a trillion yuan as a typo', () => {
    expect(issue(2_000_000_000_000)).toBe('v.budgetTooLarge');
    expect(parseYuan('1.2345678万')).toBeNull();
  });
});
