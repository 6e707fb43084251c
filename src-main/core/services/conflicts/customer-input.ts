import type { ConflictProbe } from '../../../../src-shared/contract/registrations';
import { type CustomerKeys, customerKeys } from '../../../../src-shared/domain';

/** The conflict keys of a form, a probe or a stored registration: one derivation for all of them. */
export function keysOf(p: Pick<ConflictProbe, 'customerName' | 'customerKind' | 'phones' | 'email' | 'uscc' | 'region'>): CustomerKeys {
  return customerKeys({
    name: p.customerName,
    kind: p.customerKind,
    phones: p.phones,
    emails: p.email ? [p.email] : [],
    uscc: p.uscc ?? null,
    region: p.region ?? null,
  });
}

/** Every exact key of a customer as (kind, value) rows of registration_keys. */
export function exactKeys(k: CustomerKeys): { kind: string; value: string }[] {
  const single = (kind: string, value: string | null) => (value ? [{ kind, value }] : []);
  return [
    ...single('uscc', k.uscc),
    ...single('name', k.name ? `${k.kind}:${k.name}` : null),
    ...single('core', k.core),
    ...single('dcore', k.distinctiveCore),
    ...single('pinyin', k.pinyin),
    ...k.phones.map((value) => ({ kind: 'phone', value })),
    ...k.emails.map((value) => ({ kind: 'email', value })),
    ...k.companyEmailDomains.map((value) => ({ kind: 'domain', value })),
  ];
}
