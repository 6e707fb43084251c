import { describe, expect, it } from 'vitest';
import { provinces } from '../regions';
import { leadingRegion, regionOf, regionsCompatible } from './region-lookup';
import { regionFieldKey } from './customer-keys';

describe('regions', () => {
  it('has every province-level division and every prefecture-level one', () => {
    expect(provinces).toHaveLength(34);
    expect(provinces.reduce((count, province) => count + province.prefectures.length, 0)).toBe(333);
  });

  it('reads short names, full names and suffixes', () => {
    expect(regionOf('深圳')).toBe('深圳');
    expect(regionOf('深圳市')).toBe('深圳');
    expect(regionOf('广西壮族自治区')).toBe('广西');
    expect(regionOf('香港特别行政区')).toBe('香港');
    expect(regionOf('延边朝鲜族自治州')).toBe('延边');
    expect(regionOf('锡林郭勒盟')).toBe('锡林郭勒');
    expect(regionOf('大兴安岭地区')).toBe('大兴安岭');
    expect(regionOf('海南藏族自治州')).toBe('海南藏族自治州');
    expect(regionOf('海南')).toBe('海南');
  });

  it('reads pinyin and English names, but not ambiguous ones', () => {
    expect(regionOf('Shenzhen')).toBe('深圳');
    expect(regionOf('Hong Kong')).toBe('香港');
    expect(regionOf('Chongqing')).toBe('重庆');
    expect(regionOf('Taizhou')).toBeNull();
  });

  it('takes the longest form at the start of a name', () => {
    expect(leadingRegion('内蒙古自治区伊利')).toEqual({ region: '内蒙古', rest: '伊利' });
    expect(leadingRegion('黑龙江省飞鹤乳业')).toEqual({ region: '黑龙江', rest: '飞鹤乳业' });
    expect(leadingRegion('阿里巴巴')).toBeNull();
  });

  it('compatible: equal, unknown, or a city in its own province', () => {
    expect(regionsCompatible('深圳', '深圳')).toBe(true);
    expect(regionsCompatible(null, '深圳')).toBe(true);
    expect(regionsCompatible('广东', '深圳')).toBe(true);
    expect(regionsCompatible('深圳', '广东')).toBe(true);
    expect(regionsCompatible('深圳', '广州')).toBe(false);
    expect(regionsCompatible('浙江', '深圳')).toBe(false);
    expect(regionsCompatible('吉林', '吉林市')).toBe(true);
  });

  it('a region field gives its most specific known region', () => {
    expect(regionFieldKey('广东省深圳市南山区')).toBe('深圳');
    expect(regionFieldKey('（深圳）')).toBe('深圳');
    expect(regionFieldKey('中山')).toBe('中山');
    expect(regionFieldKey('火星')).toBeNull();
  });
});
