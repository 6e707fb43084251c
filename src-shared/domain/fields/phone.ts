import { stripInvisible } from '../text/invisible';
import { parsedString } from './parsed-string';

export type PhoneKind = 'mobile' | 'landline' | 'service';

export interface ParsedPhone {
  kind: PhoneKind;
  /** How the number is stored and shown: 13812345678, 010-12345678-801, 400-820-8820. */
  normalized: string;
  /** The national number's digits without extension: equal keys mean the same line. */
  key: string;
}

/** +86, 0086 and (+86), with the separators people type after them. */
const countryCode = /^\(?(?:\+|00)\s*86\)?[\s-]*/;
/** The trunk zero foreigners write as +86 (0)755…, meaningless after the country code. */
const trunkZero = /^\(0\)\s*/;
/** An extension after an explicit marker: 转801, 分机 801, ext. 801, x801, #801. */
const markedExtension = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const separators = /[\s\-()]+/;

const mobile = /^1[3-9]\d{9}$/;
/** 400/800 service numbers are on many business cards instead of a landline. */
const service = /^([48]00)(\d{3})(\d{4})$/;
/** Beijing (010) and the 02x cities have 3-digit area codes and 8-digit numbers; other areas 0xxx and 7–8 digits. */
const landlineShortArea = /^(010|02\d)([2-9]\d{7})$/;
const landlineLongArea = /^(0[3-9]\d{2})([2-9]\d{6,7})$/;

function landline(digits: string, extension: string | null): ParsedPhone | null {
  const match = landlineShortArea.exec(digits) ?? landlineLongArea.exec(digits);
  if (!match) return null;
  const [, area, local] = match;
  const normalized = `${area}-${local}${extension ? `-${extension}` : ''}`;
  return { kind: 'landline', normalized, key: `${area}${local}` };
}

function nationalNumber(digits: string, extension: string | null): ParsedPhone | null {
  if (mobile.test(digits)) return extension ? null : { kind: 'mobile', normalized: digits, key: digits };
  const serviceMatch = service.exec(digits);
  if (serviceMatch) {
    const [, prefix, middle, last] = serviceMatch;
    return { kind: 'service', normalized: `${prefix}-${middle}-${last}${extension ? `-${extension}` : ''}`, key: digits };
  }
  return landline(digits, extension);
}

/**
 * Parses a Chinese phone number as typed: mobile (1[3-9] + 9 digits), landline with area code and
 * optional extension, or 400/800 service number; with optional +86/0086, spaces, hyphens, parentheses
 * and full-width digits. Returns null when it is none of these.
 */
export function parsePhone(raw: string): ParsedPhone | null {
  let text = stripInvisible(raw).normalize('NFKC').trim();
  let extension: string | null = null;
  const marked = markedExtension.exec(text);
  if (marked) {
    extension = marked[1] ?? null;
    text = text.slice(0, marked.index);
  }
  const international = countryCode.test(text);
  text = text.replace(countryCode, '').replace(trunkZero, '');
  if (!/^[\d\s\-()]+$/.test(text)) return null;
  const groups = text.split(separators).filter(Boolean);
  // After +86 the area code loses its leading 0 (+86 755 …, +86 10 …); mobile numbers keep their form.
  const national = (digits: string) =>
    international && !digits.startsWith('0') && !mobile.test(digits) ? `0${digits}` : digits;
  const whole = nationalNumber(national(groups.join('')), extension);
  if (whole || extension || groups.length < 2) return whole;
  // 010-12345678-801: a last group that does not fit the number is its extension.
  const last = groups[groups.length - 1] ?? '';
  if (last.length > 6) return null;
  const parsed = nationalNumber(national(groups.slice(0, -1).join('')), last);
  return parsed?.kind === 'landline' ? parsed : null;
}

/** The comparison key of a phone (national digits, no extension), or null when it does not parse. */
export const phoneKey = (raw: string): string | null => parsePhone(raw)?.key ?? null;

export const mobileSchema = parsedString((raw) => {
  const parsed = parsePhone(raw);
  return parsed?.kind === 'mobile' ? parsed.normalized : null;
}, 'v.mobile');
/** A landline field also takes a 400/800 number: businesses print one in its place. */
export const landlineSchema = parsedString((raw) => {
  const parsed = parsePhone(raw);
  return parsed && parsed.kind !== 'mobile' ? parsed.normalized : null;
}, 'v.landline');
/** Any phone a customer or contact can have: mobile, landline or service number. */
export const phoneSchema = parsedString((raw) => parsePhone(raw)?.normalized ?? null, 'v.phone');
