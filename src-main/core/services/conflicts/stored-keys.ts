import { type CustomerKeys, type CustomerKind, candidateGrams, regionsCompatible } from '../../../../src-shared/domain';
import { provinces } from '../../../../src-shared/domain/regions';
import { exactKeys } from './customer-input';

/**
 * The province of a region key, a province being its own. Two regions that regionsCompatible allows
 * together always share it (or one of them is unknown): a prefecture is compatible with its own
 * province only, a province with itself only.
 */
function provinceOf(region: string): string {
  return provinces.find((p) => regionsCompatible(region, p.short))?.short ?? region;
}

/**
 * A key qualified by the province of its region: `value@province`, or `value@` without a region.
 * Used for the keys that only ever signal within compatible regions, homophone pinyin (星辰/星晨)
 * and name grams: they are the largest sources of candidates, most of them in other provinces, which
 * a qualified lookup never reads. Exact names, cores and contacts signal across regions: kept bare.
 */
const qualified = (value: string, region: string | null) => `${value}@${region ? provinceOf(region) : ''}`;

/** A stored pinyin or gram without its qualifier; rows written before qualification are bare. */
function unqualified(stored: string): string {
  const at = stored.lastIndexOf('@');
  return at < 0 ? stored : stored.slice(0, at);
}

/** The stored values a probe's pinyin or grams meet in compatible regions: equal ones, and ranges. */
export interface QualifiedLookup {
  values: string[];
  ranges: [string, string][];
}

/**
 * With a region: the values of its province and of no region (compatible regions share a province,
 * or one is unknown). Without one, every province: a range over `value@…` per value. The bare values
 * find rows written before qualification.
 */
export function qualifiedLookup(values: readonly string[], region: string | null): QualifiedLookup {
  // '@' sorts just before 'A': [value@, valueA) holds exactly the strings that start with value@.
  if (!region) return { values: [...values], ranges: values.map((v) => [`${v}@`, `${v}A`]) };
  return { values: values.flatMap((v) => [qualified(v, region), qualified(v, null), v]), ranges: [] };
}

/** The rows registration_grams holds for a customer. */
export const storedGrams = (k: CustomerKeys): string[] => k.grams.map((gram) => qualified(gram, k.region));

/**
 * Every row registration_keys holds for a customer: its exact keys, which find candidates, and rows
 * that only describe it (kind, region, branch), which are never looked up: a candidate search by
 * region would match half the office. The index then holds all of CustomerKeys, so a probe compares
 * candidates with what is stored instead of normalizing each candidate's name again (about 0.2 ms a
 * name: at a few dozen candidates, more than everything else in a probe).
 */
export function storedKeyRows(k: CustomerKeys): { kind: string; value: string }[] {
  return [
    ...exactKeys(k).map((row) => (row.kind === 'pinyin' ? { kind: 'pinyin', value: qualified(row.value, k.region) } : row)),
    { kind: 'kind', value: k.kind },
    ...(k.region ? [{ kind: 'region', value: k.region }] : []),
    ...(k.branch ? [{ kind: 'branch', value: k.branch }] : []),
  ];
}

/**
 * The keys storedKeyRows wrote, back as CustomerKeys; null when the rows lack `kind`, i.e. were
 * written before describing rows existed, and the keys must be derived from the registration again.
 * The grams follow from the stored distinctive core, as customerKeys derives them, without reading
 * the gram table a second time, and only when first asked for: most candidates match on an exact key
 * and are compared without them.
 */
export function keysFromStoredRows(rows: readonly { kind: string; value: string }[]): CustomerKeys | null {
  const one = (kind: string) => rows.find((r) => r.kind === kind)?.value ?? '';
  const all = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value).sort();
  const kind = one('kind') as CustomerKind | '';
  if (!kind) return null;
  // exactKeys writes the name as `kind:name`, so a company and a person of one name never collide.
  const name = one('name');
  const distinctiveCore = one('dcore');
  let grams: string[] | undefined;
  return {
    kind,
    name: name ? name.slice(kind.length + 1) : '',
    core: one('core'),
    distinctiveCore,
    pinyin: unqualified(one('pinyin')),
    region: one('region') || null,
    branch: one('branch') || null,
    uscc: one('uscc') || null,
    phones: all('phone'),
    emails: all('email'),
    companyEmailDomains: all('domain'),
    get grams() {
      return (grams ??= kind === 'company' ? candidateGrams(distinctiveCore) : []);
    },
  };
}
