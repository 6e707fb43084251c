import { afterEach, describe, expect, it } from 'vitest';
import { CustomerFactory } from '../../demo/customers';
import { seededRandom } from '../../demo/random';
import { form, makeOffice, type Office } from '../../testing/office';
import { keysOf } from './customer-input';
import { keysFromStoredRows, qualifiedLookup, storedGrams, storedKeyRows } from './stored-keys';

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

  it('qualifies homophone and gram lookups by province: a probe meets its own province and no region, or every province without a region', () => {
    expect(qualifiedLookup(['xingchen'], '深圳')).toEqual({ values: ['xingchen@广东', 'xingchen@', 'xingchen'], ranges: [] });
    expect(qualifiedLookup(['星辰'], '广东')).toEqual({ values: ['星辰@广东', '星辰@', '星辰'], ranges: [] });
    expect(qualifiedLookup(['星辰', '辰科'], null)).toEqual({ values: ['星辰', '辰科'], ranges: [['星辰@', '星辰A'], ['辰科@', '辰科A']] });
    const keys = keysOf({ customerName: '深圳市星辰科技有限公司', customerKind: 'company', phones: [] });
    expect(storedGrams(keys)).toEqual(['星辰@广东']);
    expect(storedKeyRows(keys)).toContainEqual({ kind: 'pinyin', value: 'xingchen@广东' });
  });

  it('says so when the rows were written before they described the customer', () => {
    const keys = keysOf({ customerName: '深圳市星辰科技有限公司', customerKind: 'company', phones: [] });
    const legacy = storedKeyRows(keys).filter((r) => !['kind', 'region', 'branch'].includes(r.kind));
    expect(keysFromStoredRows(legacy)).toBeNull();
  });
});

describe('probing an index written before it described customers and qualified its keys', () => {
  let o: Office | undefined;
  afterEach(async () => {
    await o?.close();
    o = undefined;
  });

  it('finds the same matches, deriving those candidates\' keys from their registrations', async () => {
    o = await makeOffice();
    const first = await o.call(o.li, 'registrations.submit', { fields: form() });
    const homophone = await o.call(o.li, 'registrations.submit', { fields: form({ customerName: '广州星晨数码有限公司', phones: ['13900001111'], email: 'a@xc-digital.cn', needDescription: '采购 50 台平板电脑及配套管理软件' }) });
    const probes = [{ customerName: '星辰科技（深圳）有限公司', phones: ['13812345678'] }, { customerName: '星辰数码' }, { customerName: '广东星辰数码有限公司' }];
    const before = await Promise.all(probes.map((p) => o!.call(o!.wang, 'conflicts.check', p)));
    const both = [first.registration.id, homophone.registration.id];
    expect(before.map((r) => r.matches.map((m) => m.registrationId))).toEqual([[first.registration.id], both, both]);
    expect(before[1]!.matches.map((m) => m.signals)).toEqual([['tradeName'], ['similarName']]);
    // The rows as they were written before: bare pinyin and grams, nothing describing the customer.
    await o.host.requireDb().write([], async (_q, tx) => {
      tx.raw.exec(`DELETE FROM registration_keys WHERE kind IN ('kind', 'region', 'branch');
        UPDATE registration_keys SET value = substr(value, 1, instr(value, '@') - 1) WHERE kind = 'pinyin';
        UPDATE registration_grams SET gram = substr(gram, 1, instr(gram, '@') - 1);`);
    });
    expect(await Promise.all(probes.map((p) => o!.call(o!.wang, 'conflicts.check', p)))).toEqual(before);
  });
});
