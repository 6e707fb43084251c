import { afterEach, describe, expect, it } from 'vitest';
import { ContractBreach, createDispatcher } from '../dispatch';
import type { Handlers } from '../handler';
import { handlers } from '../handlers';
import { makeCaller, makeTestHost, type TestHost } from '../testing/test-host';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('what the dispatcher tells the caller about input it cannot even look at', () => {
  it('is VALIDATION when the schema itself throws on it (regression: zod compared {"toString":1} with a number)', async () => {
    t = await makeTestHost();
    const logged: unknown[] = [];
    const dispatch = createDispatcher(t.host, handlers, { logError: (e) => logged.push(e) });
    // Plain JSON, as the browser host receives it and IPC can clone it: an object whose toString and
    // valueOf are not functions cannot be turned into a primitive, so comparing it throws a TypeError.
    const poisoned = JSON.parse('{"toString": 1, "valueOf": 1}') as unknown;
    for (const [op, input] of [
      ['users.resetPassword', { id: 1, password: { length: poisoned } }],
      ['auth.signIn', { username: 'admin', password: { length: poisoned } }],
      ['registrations.list', { search: { length: poisoned } }],
      ['conflicts.check', { customerName: { length: poisoned } }],
    ] as const) {
      const result = await dispatch(t.admin, op, input);
      expect(result, op).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(logged).toEqual([]);
  });
});

describe('what the dispatcher tells the caller when a handler fails', () => {
  it('an answer outside the contract is INTERNAL and logged, not VALIDATION blamed on the caller', async () => {
    t = await makeTestHost();
    const logged: unknown[] = [];
    const broken = { ...handlers, 'settings.get': async () => ({ language: 'klingon', dbPath: null, lastUsername: null }) } as unknown as Handlers;
    const dispatch = createDispatcher(t.host, broken, { logError: (e) => logged.push(e) });
    const result = await dispatch(makeCaller(), 'settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', key: 'error.INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('klingon');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toBeInstanceOf(ContractBreach);
  });

  it('a crash is INTERNAL without its message or stack, which go to the log only', async () => {
    t = await makeTestHost();
    const logged: unknown[] = [];
    const crashing = {
      ...handlers,
      'settings.get': async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'secret') at /home/app/src/x.ts:1:1");
      },
    } as unknown as Handlers;
    const dispatch = createDispatcher(t.host, crashing, { logError: (e) => logged.push(e) });
    const result = await dispatch(makeCaller(), 'settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|x\.ts|TypeError|at \//);
    expect(logged).toHaveLength(1);
  });
});
