import type { CustomerKeys } from './customer-keys';
import { regionsCompatible } from './region-lookup';
import { similarDistinctiveCores } from './similarity';

/** `block`: the same customer; `warn`: possibly the same, a person should look. */
export type ConflictLevel = 'block' | 'warn';

/** Why two customers match, strongest evidence first; the UI shows each as a sentence (conflict.reason.*). */
export const signalReasons = [
  'uscc',
  'name',
  'coreRegion',
  'tradeName',
  'phone',
  'email',
  'branch',
  'similarName',
  'personName',
  'emailDomain',
] as const;
export type SignalReason = (typeof signalReasons)[number];

export interface ConflictSignal {
  reason: SignalReason;
  level: ConflictLevel;
}

export interface ConflictResult {
  /** The strongest signal's level; null when nothing matches. */
  level: ConflictLevel | null;
  signals: ConflictSignal[];
}

const block = (reason: SignalReason): ConflictSignal => ({ reason, level: 'block' });
const warn = (reason: SignalReason): ConflictSignal => ({ reason, level: 'warn' });
const sharesAny = (a: readonly string[], b: readonly string[]) => a.some((value) => b.includes(value));

/**
 * Region + 字号 + industry is what registration keeps unique, so an equal core in a compatible region
 * is the same company. An equal 字号 alone is a sister company or another business (星辰科技 / 星辰贸易)
 * — unless one side is just the 字号 (腾讯 for 腾讯科技(深圳)有限公司), an abbreviation of the other.
 * A core of generic words only (北京科技有限公司) never matches by itself.
 */
function companySignal(a: CustomerKeys, b: CustomerKeys): ConflictSignal | null {
  if (!a.distinctiveCore || !b.distinctiveCore) return null;
  const compatible = regionsCompatible(a.region, b.region);
  if (a.core === b.core) return compatible ? block('coreRegion') : warn('coreRegion');
  if (a.distinctiveCore === b.distinctiveCore) {
    const abbreviation = a.core === a.distinctiveCore || b.core === b.distinctiveCore;
    return compatible && abbreviation ? block('tradeName') : warn('tradeName');
  }
  return compatible && similarDistinctiveCores(a, b) ? warn('similarName') : null;
}

/**
 * The one name signal of a pair, if any. A branch matches only in full: against its own company it is
 * at most a warning (the company may buy for it), and two different branches are different customers.
 * Persons match on the exact name only, as a warning: many people share a name.
 */
function nameSignal(a: CustomerKeys, b: CustomerKeys): ConflictSignal | null {
  if (a.kind !== b.kind || !a.name || !b.name) return null;
  if (a.kind === 'person') return a.name === b.name && regionsCompatible(a.region, b.region) ? warn('personName') : null;
  if (a.name === b.name) return block('name');
  if (a.branch !== b.branch) return a.branch && b.branch ? null : companySignal(a, b) && warn('branch');
  return companySignal(a, b);
}

/** Different valid USCCs prove different legal entities: a name match is then only a warning. */
function capByUscc(signal: ConflictSignal, a: CustomerKeys, b: CustomerKeys): ConflictSignal {
  return a.uscc && b.uscc && a.uscc !== b.uscc ? warn(signal.reason) : signal;
}

/**
 * Compares two customers by their keys (customerKeys) and says whether they are the same (block), may
 * be (warn) or not (null), with every signal that matched. Pure and symmetric.
 */
export function compareCustomers(probe: CustomerKeys, candidate: CustomerKeys): ConflictResult {
  const signals: ConflictSignal[] = [];
  if (probe.uscc && probe.uscc === candidate.uscc) signals.push(block('uscc'));
  const name = nameSignal(probe, candidate);
  if (name) signals.push(capByUscc(name, probe, candidate));
  if (sharesAny(probe.phones, candidate.phones)) signals.push(block('phone'));
  if (sharesAny(probe.emails, candidate.emails)) signals.push(block('email'));
  // Only a company domain without a shared address adds information.
  const sharedEmailDomains = probe.companyEmailDomains.filter((domain) => candidate.companyEmailDomains.includes(domain));
  const sameAddressDomains = probe.emails.filter((email) => candidate.emails.includes(email)).map((email) => email.split('@')[1]);
  if (sharedEmailDomains.some((domain) => !sameAddressDomains.includes(domain))) signals.push(warn('emailDomain'));
  signals.sort(
    (x, y) => Number(x.level === 'warn') - Number(y.level === 'warn') || signalReasons.indexOf(x.reason) - signalReasons.indexOf(y.reason),
  );
  return { level: signals[0]?.level ?? null, signals };
}
