import { parseCompanyName, pinyinKey, usccCheckCharacter } from '../../../src-shared/domain';
import { type City, cities, provinceName, regionField } from './places';
import { contactTitles, industries, legalForms, type PersonName, personName, tradeName } from './names';
import type { Random } from './random';

export interface DemoContact {
  /** As the form's contact field holds it: 陈立新, or 陈经理. */
  name: string;
  mobile: string;
  email: string | null;
}

export interface DemoCustomer {
  kind: 'company' | 'person';
  name: string;
  /** The form's region field: 广东省深圳市. */
  region: string;
  uscc: string | null;
  /** The company's switchboard, stored as the app normalizes it: 0755-86001234. */
  landline: string | null;
  contacts: DemoContact[];
}

const usccCharacters = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '166', '177', '180', '181', '186', '187', '188', '189', '191', '199'];
const freeMail: readonly (readonly [string, number])[] = [['qq.com', 5], ['163.com', 3], ['126.com', 1], ['sina.com', 1], ['139.com', 1]];
const domainEndings = ['.com', '.cn', '.com.cn', '.net'] as const;

/**
 * Makes customers that are different customers to the conflict engine: no two share a core name
 * (字号 + industry; a branch adds its own name), a phone, an email address, a USCC or a company mail
 * domain. Similar 字号 still occur (星辰科技 and 星辰贸易): those are the warnings a real office sees.
 */
export class CustomerFactory {
  private readonly cores = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly usccs = new Set<string>();
  private readonly domains = new Set<string>();
  /** Companies a later branch may belong to. */
  private readonly parents: { name: string; city: City; domain: string }[] = [];

  constructor(private readonly rng: Random) {}

  next(): DemoCustomer {
    const rng = this.rng;
    const kind = rng.weighted([
      ['company', 88],
      ['branch', 5],
      ['person', 7],
    ] as const);
    if (kind === 'person') return this.person();
    if (kind === 'branch' && this.parents.length > 20) {
      const branch = this.branch();
      if (branch) return branch;
    }
    return this.company();
  }

  private company(): DemoCustomer {
    const rng = this.rng;
    for (;;) {
      const city = rng.weighted(cities.map((c) => [c, c.weight] as const));
      const trade = tradeName(rng);
      const industry = rng.pick(industries);
      const legalForm = rng.weighted(legalForms);
      const form = rng.weighted([
        ['city', 55],
        ['cityShort', 15],
        ['parenthesized', 18],
        ['province', 12],
      ] as const);
      const name =
        form === 'city'
          ? `${city.name}市${trade}${industry}${legalForm}`
          : form === 'cityShort'
            ? `${city.name}${trade}${industry}${legalForm}`
            : form === 'parenthesized'
              ? `${trade}${industry}（${city.name}）${legalForm}`
              : `${city.municipality ? city.name : provinceName(city.province)}${trade}${industry}${legalForm}`;
      // Keep only names the engine reads as meant: a 字号 that happens to spell a place or a generic
      // word (中山, 创新) would parse differently.
      const parsed = parseCompanyName(name);
      if (parsed.distinctiveCore !== trade || parsed.core !== `${trade}${industry}` || parsed.branch) continue;
      if (this.cores.has(parsed.core)) continue;
      const domain = this.companyDomain(trade, city);
      this.cores.add(parsed.core);
      this.parents.push({ name, city, domain });
      const individual = legalForm === '经营部' || legalForm === '工作室';
      return {
        kind: 'company',
        name,
        region: regionField(city),
        uscc: this.uscc(city, individual ? '92' : '91'),
        landline: this.landline(city),
        contacts: this.contacts(rng.int(1, 3), domain),
      };
    }
  }

  /** A branch of a company made earlier, in another city: its own customer, buying on its own. */
  private branch(): DemoCustomer | null {
    const parent = this.rng.pick(this.parents);
    const city = this.rng.weighted(cities.filter((c) => c !== parent.city).map((c) => [c, c.weight] as const));
    const name = `${parent.name}${city.name}分公司`;
    const parsed = parseCompanyName(name);
    const key = `${parsed.core}/${parsed.branch}`;
    if (!parsed.branch || this.cores.has(key)) return null;
    this.cores.add(key);
    return {
      kind: 'company',
      name,
      region: regionField(city),
      uscc: this.uscc(city, '91'),
      landline: this.landline(city),
      contacts: this.contacts(this.rng.int(1, 2), parent.domain),
    };
  }

  private person(): DemoCustomer {
    const city = this.rng.weighted(cities.map((c) => [c, c.weight] as const));
    const person = personName(this.rng);
    return { kind: 'person', name: person.full, region: regionField(city), uscc: null, landline: null, contacts: [this.contact(null, person)] };
  }

  private contacts(count: number, domain: string): DemoContact[] {
    return Array.from({ length: count }, () => this.contact(domain));
  }

  /** A contact with a mobile and, mostly, an address at the company's domain or a free-mail one. */
  private contact(domain: string | null, person: PersonName = personName(this.rng)): DemoContact {
    const rng = this.rng;
    const name = domain && rng.chance(0.3) ? `${person.surname}${rng.pick(contactTitles)}` : person.full;
    const email = rng.chance(0.85) ? this.email(pinyinKey(person.full).replace(/[^a-z]/g, ''), domain) : null;
    return { name, mobile: this.mobile(), email };
  }

  /** chenlixin@xingchen.cn, a QQ number, or chenlixin1987@163.com; never one already given out. */
  private email(local: string, domain: string | null): string {
    const atCompany = domain !== null && this.rng.chance(0.75);
    for (let attempt = 0; ; attempt++) {
      const host = atCompany ? domain : this.rng.weighted(freeMail);
      const user = atCompany
        ? `${local}${attempt === 0 ? '' : attempt + 1}`
        : host === 'qq.com'
          ? String(this.rng.int(10_000_000, 2_999_999_999))
          : `${local}${this.rng.int(1, 9999)}`;
      const email = `${user}@${host}`;
      if (this.emails.has(email)) continue;
      this.emails.add(email);
      return email;
    }
  }

  private companyDomain(trade: string, city: City): string {
    const base = pinyinKey(trade).replace(/[^a-z]/g, '');
    for (const candidate of [base, `${base}${pinyinKey(city.name).slice(0, 2)}`, `${base}-group`]) {
      const domain = `${candidate}${this.rng.pick(domainEndings)}`;
      if (!this.domains.has(domain)) {
        this.domains.add(domain);
        return domain;
      }
    }
    const numbered = `${base}${this.domains.size}.cn`;
    this.domains.add(numbered);
    return numbered;
  }

  private mobile(): string {
    for (;;) {
      const number = `${this.rng.pick(mobilePrefixes)}${String(this.rng.int(0, 99_999_999)).padStart(8, '0')}`;
      if (this.phones.has(number)) continue;
      this.phones.add(number);
      return number;
    }
  }

  /** 8 digits after the area code, starting 2–8 as local numbers do. */
  private landline(city: City): string | null {
    if (this.rng.chance(0.3)) return null;
    for (;;) {
      const local = `${this.rng.int(2, 8)}${String(this.rng.int(0, 9_999_999)).padStart(7, '0')}`;
      const key = `${city.areaCode}${local}`;
      if (this.phones.has(key)) continue;
      this.phones.add(key);
      return `${city.areaCode}-${local}`;
    }
  }

  /**
   * GB 32100-2015 layout: authority and category (91 企业, 92 个体工商户), the division code, a
   * 9-character organization code, and the check character. Newer codes start the organization part
   * with MA. About a third of forms leave the field empty.
   */
  private uscc(city: City, prefix: '91' | '92'): string | null {
    if (this.rng.chance(0.35)) return null;
    for (;;) {
      const random = (n: number) => Array.from({ length: n }, () => this.rng.pick(usccCharacters)).join('');
      const organization = this.rng.chance(0.6) ? `MA${random(7)}` : random(9);
      const first17 = `${prefix}${city.division}${organization}`;
      const code = `${first17}${usccCheckCharacter(first17)}`;
      if (this.usccs.has(code)) continue;
      this.usccs.add(code);
      return code;
    }
  }
}
