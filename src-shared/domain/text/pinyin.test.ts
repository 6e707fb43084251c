import { describe, expect, it } from 'vitest';
import { pinyinSearchKey } from './pinyin';

describe('pinyinSearchKey', () => {
  it('holds the initials and the full spelling, so both find the name', () => {
    const key = pinyinSearchKey('深圳市星辰科技有限公司');
    expect(key).toBe('szsxckjyxgs shenzhenshixingchenkejiyouxiangongsi');
    expect(key).toContain('xckj');
    expect(key).toContain('xingchen');
  });

  it('reads words by their usual reading, writes ü as v, keeps Latin letters and digits whole', () => {
    expect(pinyinSearchKey('重庆长安汽车')).toBe('cqcaqc chongqingchanganqiche');
    expect(pinyinSearchKey('绿源女装')).toContain('lvyuannvzhuang');
    expect(pinyinSearchKey('ABC Co., Ltd. 3号店')).toBe('abccoltd3hd abccoltd3haodian');
  });

  it('ignores invisible characters and full-width forms', () => {
    expect(pinyinSearchKey('星\u200b辰（ＡＢ）')).toBe(pinyinSearchKey('星辰(AB)'));
    expect(pinyinSearchKey('')).toBe('');
  });
});
