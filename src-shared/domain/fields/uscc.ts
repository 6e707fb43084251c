import { z } from 'zod';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character set
 * (digits and capitals without I, O, S, V, Z), laid out as
 * registration authority (1) · organization category (1) · administrative division (6) ·
 * organization code (9) · check character (1).
 */
const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Category codes allowed under each registration authority (登记管理部门代码 → 机构类别代码): 1 机构编制,
 * 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管 (工商), A 中央军委改革和编制办公室,
 * N 农业农村, Y 其他.
 */
const categoriesByAuthority: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

const shape = new RegExp(`^[${charset}]{2}\\d{6}[${charset}]{10}$`);

/** What people paste: full-width characters, lower case, spaces or hyphens between groups. */
export function normalizeUscc(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\-\p{Cf}]/gu, '').toUpperCase();
}

/** The check character for the first 17 characters (which must be from the charset). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charset.indexOf(first17.charAt(i)) * (weights[i] ?? 0);
  return charset.charAt((31 - (sum % 31)) % 31);
}

/** Null when the code is valid, otherwise the i18n key of what is wrong: its form or its check character. */
export function usccIssue(code: string): 'v.uscc' | 'v.usccCheck' | null {
  if (!shape.test(code)) return 'v.uscc';
  const categories = categoriesByAuthority[code.charAt(0)];
  if (!categories?.includes(code.charAt(1))) return 'v.uscc';
  return usccCheckCharacter(code) === code.charAt(17) ? null : 'v.usccCheck';
}

export const isValidUscc = (raw: string): boolean => usccIssue(normalizeUscc(raw)) === null;

/** Normalizes and verifies; the message says whether the form or the check character is wrong. */
export const usccSchema = z
  .string({ error: 'v.required' })
  .transform(normalizeUscc)
  .superRefine((code, ctx) => {
    const issue = usccIssue(code);
    if (issue) ctx.addIssue(issue);
  });
