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
