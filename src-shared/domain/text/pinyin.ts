import { pinyin } from 'pinyin-pro';
import { stripInvisible } from './invisible';

const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
const lettersAndDigits = (syllable: string) => syllable.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * What a name is found by when typed in pinyin: its initials, then its full spelling, e.g.
 * 深圳市星辰科技有限公司 → "szsxckjyxgs shenzhenshixingchenkejiyouxiangongsi", so both "xckj" and
 * "xingchen" find it. Latin letters and digits in the name stay whole; everything else is dropped.
 */
export function pinyinSearchKey(name: string): string {
  const text = stripInvisible(name).normalize('NFKC');
  const syllables = pinyin(text, options).map(lettersAndDigits).filter(Boolean);
  const initials = pinyin(text, { ...options, pattern: 'first' })
    .map(lettersAndDigits)
    .join('');
  const full = syllables.join('');
  return initials === full ? full : `${initials} ${full}`;
}
