import { normalizeText } from '../text/normalize-text';
import { splitBranch } from './branch';
import { chineseGenericWords, latinGenericWords } from './generic-words';
import { chineseLegalForms, droppedQualifiers, latinLegalForms } from './legal-forms';
import { leadingLatinRegion, leadingRegion, narrowerRegion, regionOf } from './region-lookup';

export interface CompanyName {
  /** Region key from a prefix (深圳市…) or parentheses (…(深圳)…), the most specific one; null if none. */
  region: string | null;
  /** The name without region, legal form and branch: 腾讯计算机系统, alibaba group holding. */
  core: string;
  /** The core without generic words at its ends (≈ the 字号); '' when nothing distinctive is left. */
  distinctiveCore: string;
  /** The branch (上海分公司) of a branch's name, null for the company itself. */
  branch: string | null;
}

/** Shorter than this, what is left is not a trade name (a single character is never one). */
const minDistinctiveLength = 2;
const parenthesized = /\(([^()]*)\)/g;

/** Letters and digits only; spaces stay between Latin words but not next to Chinese characters. */
export function cleanCore(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '');
}

const latinWords = (text: string) => text.split(/[\s.,]+/).filter(Boolean);

/** Removes one legal-form suffix, Chinese or English; unchanged text when there is none. */
function withoutLegalForm(text: string): string {
  const trimmed = text.replace(/[\s.,]+$/, '');
  const chinese = chineseLegalForms.find((form) => trimmed.endsWith(form) && trimmed.length > form.length);
  if (chinese) return trimmed.slice(0, -chinese.length).trimEnd();
  const words = latinWords(trimmed);
  if (words.length > 1 && latinLegalForms.has(words[words.length - 1] ?? '')) return words.slice(0, -1).join(' ');
  return text;
}

function withoutGenericEnds(core: string): string {
  let text = core;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    const words = text.split(' ');
    while (words.length > 0 && latinGenericWords.has(words[words.length - 1] ?? '')) words.pop();
    while (words.length > 0 && latinGenericWords.has(words[0] ?? '')) words.shift();
    text = words.join(' ');
    const atEnd = chineseGenericWords.find((word) => text.endsWith(word));
    if (atEnd) text = text.slice(0, -atEnd.length).trim();
    const atStart = chineseGenericWords.find((word) => text.startsWith(word));
    if (atStart) text = text.slice(atStart.length).trim();
  }
  return [...text.replace(/\s/g, '')].length >= minDistinctiveLength ? text : '';
}

/**
 * Splits a company name into region, core, distinctive core and branch, after the text normalization
 * (NFKC, invisible characters, brackets, traditional → simplified, case). Nothing is removed if it would
 * leave an empty name: 北京有限公司 keeps 北京 as its core.
 */
export function parseCompanyName(raw: string): CompanyName {
  const { head, branch } = splitBranch(normalizeText(raw));
  let region: string | null = null;
  let text = head;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    const regions: string[] = [];
    const qualifiersRemoved = text.replace(parenthesized, (whole, inner: string) => {
      const found = regionOf(inner.trim());
      if (found) regions.push(found);
      return found || droppedQualifiers.has(inner.trim()) ? ' ' : whole;
    });
    if (cleanCore(qualifiersRemoved)) {
      text = qualifiersRemoved.trim();
      region = regions.reduce(narrowerRegion, region);
    }
    text = withoutLegalForm(text);
  }
  for (let leading = leadingRegion(text); leading; leading = leadingRegion(text)) {
    if (!cleanCore(leading.rest)) break;
    region = narrowerRegion(region, leading.region);
    text = leading.rest;
  }
  const words = latinWords(text);
  const latinRegion = leadingLatinRegion(words);
  if (latinRegion) {
    region = narrowerRegion(region, latinRegion.region);
    text = words.slice(latinRegion.wordCount).join(' ');
  }
  const core = cleanCore(text);
  return { region, core, distinctiveCore: withoutGenericEnds(core), branch };
}
