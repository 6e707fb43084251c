import { describe, expect, it } from 'vitest';
import { customerKeys } from './customer-keys';
import { candidateGrams, gramJaccard, sharesEnoughGrams } from './grams';

const distinctive = (name: string) => customerKeys({ name, kind: 'company' }).distinctiveCore;

describe('candidate grams', () => {
  it('are bigrams of Chinese and trigrams of Latin words', () => {
    expect(candidateGrams('字节跳动')).toEqual(['字节', '节跳', '跳动']);
    expect(candidateGrams('华为')).toEqual(['华为']);
    expect(candidateGrams('alibaba')).toEqual(['aba', 'ali', 'bab', 'iba', 'lib']);
    expect(candidateGrams('3m')).toEqual(['3m']);
    expect(candidateGrams('')).toEqual([]);
  });

  it('measure overlap as Jaccard', () => {
    expect(gramJaccard(['a', 'b'], ['a', 'b'])).toBe(1);
    expect(gramJaccard(['a', 'b', 'c'], ['a', 'b', 'd'])).toBe(0.5);
    expect(gramJaccard([], [])).toBe(0);
  });

  it('the prefilter keeps every candidate that similarity could accept', () => {
    const similar: [string, string][] = [
      ['阿里巴巴网络技术有限公司', '阿里吧吧网络技术有限公司'],
      ['字节跳动科技有限公司', '字节跳跃科技有限公司'],
      ['美的集团股份有限公司', '广东美的制冷设备有限公司'],
      ['Alibaba Holding Ltd', 'Alibeba Holding Ltd'],
      ['Procter Gamble Co', 'Procter and Gamble Co'],
      ['华为', '华为终端有限公司'],
    ];
    for (const [a, b] of similar) {
      const [gramsA, gramsB] = [candidateGrams(distinctive(a)), candidateGrams(distinctive(b))];
      const shared = gramsA.filter((gram) => gramsB.includes(gram)).length;
      expect(sharesEnoughGrams(shared, gramsA.length, gramsB.length), `${a} / ${b}`).toBe(true);
    }
  });

  it('the prefilter drops candidates with too little in common', () => {
    expect(sharesEnoughGrams(0, 3, 3)).toBe(false);
    expect(sharesEnoughGrams(1, 8, 9)).toBe(false);
    expect(sharesEnoughGrams(6, 8, 9)).toBe(true);
    expect(sharesEnoughGrams(1, 1, 6)).toBe(true);
  });
});
