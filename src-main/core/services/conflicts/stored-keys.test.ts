import { afterEach, describe, expect, it } from 'vitest';
import { CustomerFactory } from '../../demo/customers';
import { seededRandom } from '../../demo/random';
import { form, makeOffice, type Office } from '../../testing/office';
import { keysOf } from './customer-input';
import { keysFromStoredRows, storedKeyRows } from './stored-keys';

const roundTrip = (probe: Parameters<typeof keysOf>[0]) => {
  const keys = keysOf(probe);
  return { keys, stored: keysFromStoredRows(storedKeyRows(keys)) };
};

describe('the conflict index stores every key of a customer', () => {
  it('gives back what customerKeys derived, for realistic companies, branches and persons', () => {
    const customers = new CustomerFactory(seededRandom(11));
    for (let i = 0; i < 2_000; i++) {
      const c = customers.next();
      const contact = c.contacts[0]!;
      const { keys, stored } = roundTrip({
        customerName: c.name,
        customerKind: c.kind,
        phones: [contact.mobile, ...(c.landline ? [c.landline] : [])],
        ...(contact.email ? { email: contact.email } : {}),
        ...(c.uscc ? { uscc: c.uscc } : {}),
        region: c.region,
      });
      expect(stored, c.name).toEqual(keys);
    }
  });

  it('gives back the awkward ones: English names, generic-only names, parenthesized regions, no keys besides the name', () => {
    const probes = [
      { customerName: 'Alibaba Group Holding Ltd.', customerKind: 'company' as const, phones: [], email: 'sales+crm@alibaba-inc.com' },
      { customerName: '北京科技有限公司', customerKind: 'company' as const, phones: ['010-62345678-801'] },
      { customerName: '腾讯科技（深圳）有限公司上海分公司', customerKind: 'company' as const, phones: [], uscc: '91440300708461136T' },
      { customerName: '王建国', customerKind: 'person' as const, phones: ['+86 138 1234 5678'], region: '广东省深圳市南山区' },
      { customerName: '張三豐', customerKind: 'person' as const, phones: [] },
    ];
    for (const probe of probes) {
      const { keys, stored } = roundTrip(probe);
      expect(stored, probe.customerName).toEqual(keys);
    }
  });

  it('says so when the rows were written before they described the customer', () => {
    const keys = keysOf({ customerName: '深圳市星辰科技有限公司', customerKind: 'company', phones: [] });
    const legacy = storedKeyRows(keys).filter((r) => !['kind', 'region', 'branch'].includes(r.kind));
    expect(keysFromStoredRows(legacy)).toBeNull();
  });
});

describe('probing an index written before it described customers', () => {
  let o: Office | undefined;
  afterEach(async () => {
    await o?.close();
    o = undefined;
  });

  it('finds the same matches, deriving those candidates\' keys from their registrations', async () => {
    o = await makeOffice();
    const first = await o.call(o.li, 'registrations.submit', { fields: form() });
    const probe = { customerName: '星辰科技（深圳）有限公司', phones: ['13812345678'] };
    const before = await o.call(o.wang, 'conflicts.check', probe);
    await o.host.requireDb().write([], (q) => q.deleteFrom('registration_keys').where('kind', 'in', ['kind', 'region', 'branch']).execute());
    expect(await o.call(o.wang, 'conflicts.check', probe)).toEqual(before);
    expect(before.matches.map((m) => m.registrationId)).toEqual([first.registration.id]);
  });
});
