/**
 * A header or a value reduced to what identifies it: half-width, lower case, without spaces,
 * punctuation, required-field stars or a bracketed unit. "客户名称*", "Customer Name" and
 * "customer_name" all compare as one.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[\s_\-.:*#/\\'"]+/g, '');
}
