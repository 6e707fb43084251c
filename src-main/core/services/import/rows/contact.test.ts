import { describe, expect, it } from 'vitest';
import { splitContact } from './contact';

describe('splitContact (the seed’s 联系方式)', () => {
  it.each([
    ['13812345678', ['13812345678'], []],
    ['chen@xingchen-tech.cn', [], ['chen@xingchen-tech.cn']],
    ['13812345678 / chen@xingchen-tech.cn', ['13812345678'], ['chen@xingchen-tech.cn']],
    ['手机：13812345678；座机：0755-8600 1234', ['13812345678', '0755-8600 1234'], []],
    ['13812345678 13900001111', ['13812345678', '13900001111'], []],
    ['Tel: +86 755 8600 1234, sales@x.cn、b@y.cn', ['+86 755 8600 1234'], ['sales@x.cn', 'b@y.cn']],
  ])('%s', (text, phones, emails) => {
    expect(splitContact(text)).toEqual({ phones, emails });
  });
});
