import { describe, expect, it } from 'vitest';
import { candidateGrams } from './grams';
import { editDistance, pinyinKey, similarDistinctiveCores } from './similarity';

const keys = (distinctiveCore: string) => ({ distinctiveCore, pinyin: pinyinKey(distinctiveCore), grams: candidateGrams(distinctiveCore) });

describe('similarity of distinctive cores', () => {
  it('edit distance counts characters, not UTF-16 units', () => {
    expect(editDistance('字节跳动', '字节跳跃')).toBe(1);
    expect(editDistance('𠮷野家', '吉野家')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('pinyin keys are toneless and spaceless', () => {
    expect(pinyinKey('星辰')).toBe('xingchen');
    expect(pinyinKey('阿里巴巴')).toBe(pinyinKey('阿里吧吧'));
    expect(pinyinKey('alibaba')).toBe('alibaba');
  });

  it.each([
    ['星辰', '星晨', true, 'homophone'],
    ['腾讯', '腾达', false, 'two characters, one different, not a homophone'],
    ['字节跳动', '字节跳跃', true, 'one edit in four characters'],
    ['字节跳动', '字节飞跃', false, 'two edits'],
    ['华为', '华为终端', true, 'prefix'],
    ['为终', '华为终端', false, 'inside, not a prefix'],
    ['tencent', 'tencent music', true, 'prefix of whole words'],
    ['ten', 'tencent', false, 'prefix inside a word'],
    ['星辰', '星辰', false, 'equal is not "similar"'],
    ['', '星辰', false, 'empty'],
  ])('%s / %s → %s (%s)', (a, b, expected) => {
    expect(similarDistinctiveCores(keys(a), keys(b))).toBe(expected);
  });
});
