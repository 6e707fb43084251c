import { describe, expect, it } from 'vitest';
import { emailDomain, emailKey, emailSchema } from './email';

describe('email', () => {
  it.each([
    ['zhang.san@huawei.com', 'zhang.san@huawei.com'],
    [' Zhang.San@Huawei.COM ', 'zhang.san@huawei.com'],
    ['ｓａｌｅｓ＠ｅｘａｍｐｌｅ．ｃｎ', 'sales@example.cn'],
    ['li+crm@mail.example.com.cn', 'li+crm@mail.example.com.cn'],
    ['wang_wu-1@163.com', 'wang_wu-1@163.com'],
  ])('accepts %s as %s', (raw, normalized) => {
    expect(emailSchema.parse(raw)).toBe(normalized);
  });

  it.each(['zhangsan', 'zhangsan@', '@huawei.com', 'zhang san@huawei.com', 'zhangsan@huawei', 'a@b@c.com', ''])('rejects %j', (raw) => {
    expect(emailSchema.safeParse(raw).error?.issues[0]?.message).toBe('v.email');
  });

  it('keys drop the +tag and the case; the domain is what follows @', () => {
    expect(emailKey('Sales+Tender@Example.com')).toBe('sales@example.com');
    expect(emailKey('invalid')).toBeNull();
    expect(emailDomain('li@Mail.Example.com')).toBe('mail.example.com');
  });
});
