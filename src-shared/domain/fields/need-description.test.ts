import { describe, expect, it } from 'vitest';
import { countCharacters, needDescriptionSchema } from './need-description';

const issue = (value: unknown) => needDescriptionSchema.safeParse(value).error?.issues[0]?.message;

describe('need description', () => {
  const fourteen = '采购五十台办公电脑和显示器等';
  const fifteen = '采购五十台办公电脑和显示器等。';

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(countCharacters(fourteen)).toBe(14);
    expect(countCharacters(fifteen)).toBe(15);
    expect(countCharacters('𠮷野家𠮷野家')).toBe(6);
    expect(countCharacters('👨‍👩‍👧')).toBe(1);
    expect(countCharacters('a \n\t b')).toBe(3);
  });

  it('needs 15 characters after trimming', () => {
    expect(issue(fourteen)).toBe('v.needTooShort');
    expect(needDescriptionSchema.parse(`  ${fifteen}\n`)).toBe(fifteen);
    expect(issue(`   ${fourteen}     `)).toBe('v.needTooShort');
    expect(issue(`${fourteen}\u200b`)).toBe('v.needTooShort');
  });

  it('does not count padding of whitespace inside', () => {
    expect(issue('需求        很简单          就这样')).toBe('v.needTooShort');
  });

  it('treats whitespace-only as missing', () => {
    expect(issue('   \n ')).toBe('v.required');
    expect(issue('\u200b\u200b')).toBe('v.required');
    expect(issue(undefined)).toBe('v.required');
  });

  it('keeps line breaks of a longer description', () => {
    const text = '1. 采购服务器十台\n2. 部署私有云平台，三个月内完成';
    expect(needDescriptionSchema.parse(text)).toBe(text);
  });
});
