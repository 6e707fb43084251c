import { describe, expect, it } from 'vitest';
import { customerKeys } from './customer-keys';
import { looksLikePersonName } from './person-name';

describe('customerKeys', () => {
  it('gives every indexed key of a company', () => {
    expect(
      customerKeys({
        name: '華為技術有限公司上海分公司',
        uscc: '9144 0300 1922 0382 16',
        phones: ['+86 21 6234 5678', '13812345678', 'n/a'],
        emails: ['Li+tender@Huawei.com', 'someone@qq.com', 'broken@'],
      }),
    ).toEqual({
      kind: 'company',
      name: '华为技术/上海分公司',
      core: '华为技术',
      distinctiveCore: '华为',
      pinyin: 'huawei',
      region: null,
      branch: '上海分公司',
      uscc: '914403001922038216',
      phones: ['02162345678', '13812345678'],
      emails: ['li@huawei.com', 'someone@qq.com'],
      companyEmailDomains: ['huawei.com'],
      grams: ['华为'],
    });
  });

  it('includes the region in the name key', () => {
    expect(customerKeys({ name: '腾讯科技（深圳）有限公司' }).name).toBe('深圳腾讯科技');
  });

  it('gives a person only a name, a region from the form, and contacts: never fuzzy', () => {
    expect(customerKeys({ name: ' 張 偉 ', region: '广东省深圳市' })).toMatchObject({
      kind: 'person',
      name: '张伟',
      core: '',
      distinctiveCore: '',
      region: '深圳',
      grams: [],
    });
  });

  it('drops an invalid USCC', () => {
    expect(customerKeys({ name: '甲', uscc: '91350100M000100Y44' }).uscc).toBeNull();
  });
});

describe('looksLikePersonName', () => {
  it.each(['张三', '王小明', '欧阳娜娜', '張偉', '李 娜'])('%s is a person', (name) => {
    expect(looksLikePersonName(name)).toBe(true);
  });

  it.each(['阿里巴巴', '腾讯', '张三科技', '王氏集团', '北京', '张', '张三李四王五', 'John Smith', '赵记商行'])('%s is not', (name) => {
    expect(looksLikePersonName(name)).toBe(false);
  });
});
