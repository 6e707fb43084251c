import { type CustomerKeys, type CustomerKind, candidateGrams } from '../../../../src-shared/domain';
import { exactKeys } from './customer-input';

/**
 * Every row registration_keys holds for a customer: its exact keys, which find candidates, and rows
 * that only describe it (kind, region, branch), which are never looked up: a candidate search by
 * region would match half the office. The index then holds all of CustomerKeys, so a probe compares
 * candidates with what is stored instead of normalizing each candidate's name again (about 0.2 ms a
 * name: at a few dozen candidates, more than everything else in a probe).
 */
export function storedKeyRows(k: CustomerKeys): { kind: string; value: string }[] {
  return [
    ...exactKeys(k),
    { kind: 'kind', value: k.kind },
    ...(k.region ? [{ kind: 'region', value: k.region }] : []),
    ...(k.branch ? [{ kind: 'branch', value: k.branch }] : []),
  ];
}

/**
 * The keys storedKeyRows wrote, back as CustomerKeys; null when the rows lack `kind`, i.e. were
 * written before describing rows existed, and the keys must be derived from the registration again.
 * The grams follow from the stored distinctive core, as customerKeys derives them, without reading
 * the gram table a second time.
 */
export function keysFromStoredRows(rows: readonly { kind: string; value: string }[]): CustomerKeys | null {
  const one = (kind: string) => rows.find((r) => r.kind === kind)?.value ?? '';
  const all = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value).sort();
  const kind = one('kind') as CustomerKind | '';
  if (!kind) return null;
  // exactKeys writes the name as `kind:name`, so a company and a person of one name never collide.
  const name = one('name');
  return {
    kind,
    name: name ? name.slice(kind.length + 1) : '',
    core: one('core'),
    distinctiveCore: one('dcore'),
    pinyin: one('pinyin'),
    region: one('region') || null,
    branch: one('branch') || null,
    uscc: one('uscc') || null,
    phones: all('phone'),
    emails: all('email'),
    companyEmailDomains: all('domain'),
    grams: kind === 'company' ? candidateGrams(one('dcore')) : [],
  };
}
