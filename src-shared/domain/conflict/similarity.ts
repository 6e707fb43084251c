import { pinyin } from 'pinyin-pro';
import type { CustomerKeys } from './customer-keys';
import { gramJaccard, similarJaccard } from './grams';

/** Below this length one changed character is a different name (腾讯/腾达), not a typo. */
const minTypoLength = 4;

/** Levenshtein distance over characters (code points), for the short strings of names. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * Toneless pinyin without spaces (星辰 → xingchen, 阿里巴巴 → alibaba); Latin letters stay as they are.
 * Most Chinese typos come from the input method: a homophone picked from the candidate list (星晨 for
 * 星辰, 吧 for 巴). Equal keys of different cores are such a typo, or the pinyin spelling of the name.
 */
export function pinyinKey(text: string): string {
  return pinyin(text, { toneType: 'none', separator: '', nonZh: 'consecutive', v: true }).replace(/\s/g, '');
}

/** One is the other with something after it: 华为 / 华为终端, tencent / tencent music (whole words). */
function isPrefixOf(shorter: string, longer: string): boolean {
  if (shorter.length >= longer.length || !longer.startsWith(shorter)) return false;
  return /\p{Script=Han}$/u.test(shorter) || longer.charAt(shorter.length) === ' ';
}

/** What similarity looks at: the distinctive core and the keys derived from it once, in customerKeys. */
export type SimilarityKeys = Pick<CustomerKeys, 'distinctiveCore' | 'pinyin' | 'grams'>;

/**
 * Whether two different distinctive cores look like the same trade name: a homophone, one edit apart
 * (cores of 4+ characters), bigram/trigram Jaccard ≥ 0.7, or one a prefix of the other.
 */
export function similarDistinctiveCores(a: SimilarityKeys, b: SimilarityKeys): boolean {
  const [x, y] = [a.distinctiveCore, b.distinctiveCore];
  if (!x || !y || x === y) return false;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return (
    a.pinyin === b.pinyin ||
    ([...shorter].length >= minTypoLength && editDistance(x, y) <= 1) ||
    gramJaccard(a.grams, b.grams) >= similarJaccard ||
    isPrefixOf(shorter, longer)
  );
}
