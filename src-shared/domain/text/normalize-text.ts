import { Converter } from 'opencc-js/t2cn';
import { stripInvisible } from './invisible';

/** NFKC already folds full-width （）［］｛｝ into ASCII; these CJK brackets have no compatibility mapping. */
const openBrackets = /[[{【〔〖〘〚｟]/g;
const closeBrackets = /[\]}】〕〗〙〛｠]/g;

// Taiwan and Hong Kong variants differ (e.g. 著/着, 綫/線), so a name passes through both converters.
const taiwanToSimplified = Converter({ from: 'tw', to: 'cn' });
const hongKongToSimplified = Converter({ from: 'hk', to: 'cn' });

/** Traditional Chinese (Taiwan or Hong Kong usage) to simplified (mainland); simplified text is unchanged. */
export function toSimplified(text: string): string {
  return hongKongToSimplified(taiwanToSimplified(text));
}

/**
 * The one text normalization every comparison key starts from: invisible characters removed, NFKC
 * (full-width letters, digits, punctuation and the ideographic space become ASCII), brackets unified
 * to (), traditional → simplified, lower case, whitespace collapsed and trimmed.
 */
export function normalizeText(text: string): string {
  const visible = stripInvisible(text).normalize('NFKC');
  const bracketed = visible.replace(openBrackets, '(').replace(closeBrackets, ')');
  return toSimplified(bracketed).toLowerCase().replace(/\s+/g, ' ').trim();
}
