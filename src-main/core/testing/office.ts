import type { RegistrationFieldsInput } from '../../../src-shared/contract/registrations';
import type { Clock } from '../clock';
import type { Caller } from '../handler';
import { makeTestHost, type TestHost } from './test-host';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 24 * 60 * 60 * 1000);
  }
}

export interface Office extends TestHost {
  clock: ManualClock;
  /** Two salespeople and a reviewer, signed in. */
  li: Caller;
  wang: Caller;
  zhao: Caller;
}

/** A small office on a real database file: admin, two salespeople (李雷, 王芳) and a reviewer (赵敏). */
export async function makeOffice(start = '2026-03-02T09:00:00.000Z'): Promise<Office> {
  const clock = new ManualClock(new Date(start));
  const t = await makeTestHost({ clock });
  const people = [
    { username: 'li', displayName: '李雷', role: 'sales' as const },
    { username: 'wang', displayName: '王芳', role: 'sales' as const },
    { username: 'zhao', displayName: '赵敏', role: 'reviewer' as const },
  ];
  for (const p of people) await t.call(t.admin, 'users.create', { ...p, password: `${p.username}-password` });
  const [li, wang, zhao] = await Promise.all(people.map((p) => t.signIn(p.username, `${p.username}-password`)));
  return { ...t, clock, li: li!, wang: wang!, zhao: zhao! };
}

/** A complete, valid registration form; override what the test is about. */
export function form(overrides: Partial<RegistrationFieldsInput> = {}): RegistrationFieldsInput {
  return {
    customerName: '深圳市星辰科技有限公司',
    contactPerson: '陈经理',
    phones: ['13812345678'],
    email: 'chen@xingchen-tech.cn',
    region: '广东省深圳市',
    needDescription: '采购 200 台办公电脑及三年上门维保服务',
    budget: 1_200_000,
    expectedCloseDate: '2026-06-30',
    stage: 'needs_confirmed',
    sourceChannel: '老客户介绍',
    productLine: '办公设备',
    ...overrides,
  };
}

/** The typed error a call failed with; fails the test if it succeeded. */
export async function errorOf(promise: Promise<unknown>): Promise<{ code: string; key: string; message: string; details?: { issues?: { path: (string | number)[]; key: string; message: string }[] } }> {
  try {
    await promise;
  } catch (e) {
    const error = (e as { error?: unknown }).error;
    if (error) return error as never;
    throw e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
