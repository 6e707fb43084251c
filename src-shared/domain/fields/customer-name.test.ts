import { describe, expect, it } from 'vitest';
import { customerNameSchema } from './customer-name';

describe('customer name', () => {
  it('keeps the name as written, without invisible characters and extra spaces', () => {
    expect(customerNameSchema.parse('  腾讯科技（深圳）\u200b有限公司 ')).toBe('腾讯科技（深圳）有限公司');
    expect(customerNameSchema.parse('Alibaba   Group\tHolding Limited')).toBe('Alibaba Group Holding Limited');
  });

  it('is required: blank or invisible-only is missing', () => {
    expect(customerNameSchema.safeParse(' \u200b\ufeff ').error?.issues[0]?.message).toBe('v.required');
    expect(customerNameSchema.safeParse('').error?.issues[0]?.message).toBe('v.required');
  });

  it('is at most 100 characters', () => {
    expect(customerNameSchema.safeParse('公'.repeat(101)).error?.issues[0]?.message).toBe('v.tooLong');
    expect(customerNameSchema.parse('公'.repeat(100))).toHaveLength(100);
  });
});
