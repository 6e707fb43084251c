import { z } from 'zod';

/** Fewer characters than this cannot say what the customer needs (the seed's "need clear and specific"). */
export const minNeedCharacters = 15;
export const maxNeedCharacters = 2000;

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
/** Invisible format characters, except the zero-width joiner that glues emoji like 👨‍👩‍👧 into one. */
const invisible = /(?!\u200d)\p{Cf}/gu;

/**
 * Characters as a reader counts them: one per Chinese character, letter or emoji (grapheme), not per
 * byte or UTF-16 unit; invisible characters do not count and a run of whitespace counts once.
 */
export function countCharacters(text: string): number {
  const visible = text.replace(invisible, '').replace(/\s+/g, ' ').trim();
  let count = 0;
  for (const _ of segmenter.segment(visible)) count++;
  return count;
}

/** The need description, trimmed, at least 15 characters. Line breaks inside are kept. */
export const needDescriptionSchema = z
  .string({ error: 'v.required' })
  .transform((text) => text.replace(invisible, '').trim())
  .superRefine((text, ctx) => {
    const count = countCharacters(text);
    if (count === 0) ctx.addIssue('v.required');
    else if (count < minNeedCharacters) ctx.addIssue('v.needTooShort');
    else if (count > maxNeedCharacters) ctx.addIssue('v.tooLong');
  });
