/**
 * Format characters (Unicode category Cf) are invisible: zero-width space/joiners (U+200B–U+200D),
 * BOM (U+FEFF), word joiner (U+2060), bidi marks and embeddings (U+200E/F, U+202A–U+202E,
 * U+2066–U+2069), soft hyphen. Pasted from web pages and chat apps they make two equal values differ,
 * so all of them go.
 */
const invisible = /\p{Cf}/gu;
/** Control characters (tabs, newlines, C1 controls) act as word breaks, so they become spaces. */
const control = /\p{Cc}/gu;

/** Removes invisible and control characters, keeping everything a person can see. */
export function stripInvisible(text: string): string {
  return text.replace(invisible, '').replace(control, ' ');
}
