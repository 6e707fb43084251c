import { z } from 'zod';
import { stripInvisible } from '../text/invisible';
import { parsedString } from './parsed-string';

/** Stored form: visible characters only, half-width (＠ → @), lower case. */
export function normalizeEmail(raw: string): string {
  return stripInvisible(raw).normalize('NFKC').trim().toLowerCase();
}

export const isValidEmail = (raw: string): boolean => z.regexes.email.test(normalizeEmail(raw));

/**
 * The comparison key: normalized, with a +tag removed from the local part (sales+crm@x.com and
 * sales@x.com reach the same mailbox). Null for an invalid address.
 */
export function emailKey(raw: string): string | null {
  const email = normalizeEmail(raw);
  if (!z.regexes.email.test(email)) return null;
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at).replace(/\+.*$/, '')}${email.slice(at)}`;
}

/** The domain after @ of a valid address, or null. */
export function emailDomain(raw: string): string | null {
  const key = emailKey(raw);
  return key ? key.slice(key.lastIndexOf('@') + 1) : null;
}

export const emailSchema = parsedString((raw) => (isValidEmail(raw) ? normalizeEmail(raw) : null), 'v.email');
