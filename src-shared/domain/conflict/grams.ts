/**
 * Grams for the fuzzy-candidate index. Chinese runs give character bigrams, Latin/digit words
 * trigrams. Why bigrams for Chinese: a distinctive core is 2–6 characters and every character is a
 * morpheme, so a bigram is as selective as a Latin trigram; a 2-character 字号 has no trigram at all,
 * and one wrong character in a 4-character core destroys every trigram but leaves a bigram.
 */
export function candidateGrams(distinctiveCore: string): string[] {
  const grams = new Set<string>();
  for (const run of distinctiveCore.match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run];
    const size = /\p{Script=Han}/u.test(run) ? 2 : 3;
    if (chars.length <= size) grams.add(run);
    for (let i = 0; i + size <= chars.length; i++) grams.add(chars.slice(i, i + size).join(''));
  }
  return [...grams].sort();
}

/** |A ∩ B| / |A ∪ B| of two gram lists; 0 when both are empty. */
export function gramJaccard(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const shared = new Set(b.filter((gram) => setA.has(gram))).size;
  const union = setA.size + new Set(b).size - shared;
  return union === 0 ? 0 : shared / union;
}

/** The Jaccard similarity of grams from which two distinctive cores count as similar. */
export const similarJaccard = 0.7;

/**
 * The index prefilter: whether a candidate sharing `shared` grams with the probe (grams counted per
 * name) can still be similar by a gram-based rule of similarity.ts. It never drops such a candidate:
 * - one name a prefix of the other: every gram of the shorter one is shared;
 * - one edit (substitution, insertion, deletion) changes at most 2 bigrams or 3 trigrams of a name;
 * - Jaccard ≥ 0.7 by definition.
 * Homophones share no grams (星辰/星晨) and are found through the pinyin key instead.
 * In SQL: `HAVING shared >= MIN(p, c) OR shared >= MAX(p, c) - 3 OR 10 * shared >= 7 * (p + c - shared)`.
 */
export function sharesEnoughGrams(shared: number, probeGramCount: number, candidateGramCount: number): boolean {
  if (shared <= 0) return false;
  return (
    shared >= Math.min(probeGramCount, candidateGramCount) ||
    shared >= Math.max(probeGramCount, candidateGramCount) - 3 ||
    shared >= similarJaccard * (probeGramCount + candidateGramCount - shared)
  );
}
