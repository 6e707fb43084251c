import { Converter } from 'opencc-js/t2cn';

/**
 * Format characters (Unicode category Cf) are invisible: zero-width space/joiners (U+200B–U+200D),
 * BOM (U+FEFF), word joiner (U+2060), bidi marks and embeddings (U+200E/F, U+202A–U+202E,
 * U+2066–U+2069), soft hyphen. Pasted from web pages and chat apps they make two equal names differ,
 * so all of them go.
 */
const invisible = /\p{Cf}/gu;
/** Control characters (tabs, newlines, C1 controls) act as word breaks, so they become spaces. */
const control = /\p{Cc}/gu;
/** NFKC already folds full-width （）［］｛｝ into ASCII; these CJK brackets have no compatibility mapping. */
const openBrackets = /[[{【〔〖〘〚｟]/g;
const closeBrackets = /[\]}】〕〗〙〛｠]/g;

// Taiwan and Hong Kong variants differ (e.g. 著/着, 綫/線), so a name passes through both converters.
const taiwanToSimplified = Converter({ from: 'tw', to: 'cn' });
const hongKongToSimplified = Converter({ from: 'hk', to: 'cn' });

/** Removes invisible and control characters, keeping everything a person can see. */
export function stripInvisible(text: string): string {
  return text.replace(invisible, '').replace(control, ' ');
}

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
