import { emailKey } from '../fields/email';
import { phoneKey } from '../fields/phone';
import { isValidUscc, normalizeUscc } from '../fields/uscc';
import { normalizeText } from '../text/normalize-text';
import { parseCompanyName } from './company-name';
import { isFreeMailDomain } from './free-mail-domains';
import { candidateGrams } from './grams';
import { looksLikePersonName, personNameKey } from './person-name';
import { leadingRegion, narrowerRegion, regionOf } from './region-lookup';
import { pinyinKey } from './similarity';

export type CustomerKind = 'company' | 'person';

/** A customer as a registration describes it: the name plus whatever identifiers it carries. */
export interface CustomerInput {
  name: string;
  /** From the form; inferred from the name when missing (see looksLikePersonName). */
  kind?: CustomerKind;
  uscc?: string | null;
  /** The customer's and its contacts' phones, as typed. */
  phones?: readonly string[];
  emails?: readonly string[];
  /** The form's region field. Only a person's name is compared with it: a company's region is in its name. */
  region?: string | null;
}

/**
 * Everything a comparison needs, as plain strings and arrays: what the database stores in indexed
 * columns (and the gram table) and gives back for compareCustomers. Empty strings mean "no key".
 */
export interface CustomerKeys {
  kind: CustomerKind;
  /** Normalized full name: region + core + /branch for a company, the normalized name for a person. */
  name: string;
  core: string;
  distinctiveCore: string;
  /** Toneless pinyin of the distinctive core, for homophone typos. */
  pinyin: string;
  region: string | null;
  branch: string | null;
  /** A valid USCC, normalized; null when missing or invalid (an invalid code identifies nothing). */
  uscc: string | null;
  /** National digits of every valid phone, without extension. */
  phones: string[];
  /** Normalized addresses without +tag. */
  emails: string[];
  /** Domains of the emails, except free-mail providers. */
  companyEmailDomains: string[];
  /** Grams of the distinctive core for the candidate index; empty for persons (never fuzzy). */
  grams: string[];
}

const unique = (values: Iterable<string | null>): string[] => [...new Set([...values].filter((v): v is string => !!v))].sort();

/** A region field as typed (广东省深圳市南山区, 深圳, (深圳)) → the most specific region key, or null. */
export function regionFieldKey(text: string): string | null {
  let rest = normalizeText(text).replace(/[()\s]/g, '');
  let region: string | null = null;
  for (let found = leadingRegion(rest, true); found; found = leadingRegion(rest, true)) {
    region = narrowerRegion(region, found.region);
    rest = found.rest;
  }
  const whole = regionOf(rest);
  return whole ? narrowerRegion(region, whole) : region;
}

export function customerKeys(input: CustomerInput): CustomerKeys {
  const kind = input.kind ?? (looksLikePersonName(input.name) ? 'person' : 'company');
  const emails = unique((input.emails ?? []).map(emailKey));
  const contacts = {
    uscc: input.uscc && isValidUscc(input.uscc) ? normalizeUscc(input.uscc) : null,
    phones: unique((input.phones ?? []).map(phoneKey)),
    emails,
    companyEmailDomains: unique(emails.map((email) => email.slice(email.lastIndexOf('@') + 1)).filter((d) => !isFreeMailDomain(d))),
  };
  if (kind === 'person') {
    const name = personNameKey(input.name);
    const region = input.region ? regionFieldKey(input.region) : null;
    return { kind, name, core: '', distinctiveCore: '', pinyin: '', region, branch: null, grams: [], ...contacts };
  }
  const company = parseCompanyName(input.name);
  const name = `${company.region ?? ''}${company.core}${company.branch ? `/${company.branch}` : ''}`;
  return {
    kind,
    name,
    ...company,
    pinyin: company.distinctiveCore ? pinyinKey(company.distinctiveCore) : '',
    grams: candidateGrams(company.distinctiveCore),
    ...contacts,
  };
}
