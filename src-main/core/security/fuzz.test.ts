import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type OperationName, appErrorSchema, operationNames } from '../../../src-shared/contract';
import { type Random, seededRandom } from '../demo/random';
import { createDispatcher } from '../dispatch';
import { handlers } from '../handlers';
import { actors, sortedOperations } from './access-table';
import { DatabaseWatcher, signInCounters } from './db-fingerprint';
import { exampleInput, operationsWithoutExample } from './examples';
import { makeSecurityFixture, type SecurityFixture } from './fixture';
import { defineOwn, describePayload, junk, mutate, nastyStrings } from './fuzz-values';

// scrypt is watched, not weakened: a call that hashed a password is slow by design, and counted.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});
const scryptCalls = () => vi.mocked(crypto.scrypt).mock.calls.length;

/**
 * ARCHITECTURE.md rule 1: the renderer is untrusted. Thousands of malformed inputs, through the real
 * dispatcher, as every kind of caller: each must get a typed error (never INTERNAL), a refused call
 * must write nothing, and nothing may crash or hang.
 *
 * Replay a failure with the seed it prints: FUZZ_SEED=<seed> npx vitest run src-main/core/security/fuzz.test.ts
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
/** Payloads in all; split evenly over the operations, half junk and half corrupted examples. */
const TOTAL = Number(process.env.FUZZ_TOTAL ?? 11_500);
/** Calls of an operation that may run scrypt (sign-in, passwords) before its remaining corrupted examples are skipped. */
const HASHING_BUDGET = 12;
/** Far beyond any real call: a call this slow is a hang or a runaway regular expression. */
const HANG_MS = 5_000;

type Kind = 'junk' | 'mutation' | 'unknown operation';

interface Figures {
  calls: number;
  skipped: number;
  hashed: number;
  byCode: Record<string, number>;
  byKind: Record<Kind, number>;
  slowest: { ms: number; op: string };
  refusedWrites: number;
  acceptedWrites: number;
  ms: number;
}

/** A payload that is not even shaped like an input: junk of any type, or an object of junk. */
function junkPayload(rng: Random, valid: unknown): unknown {
  if (rng.chance(0.4)) return junk(rng);
  const keys = valid !== null && typeof valid === 'object' ? Object.keys(valid) : [];
  const out: Record<string, unknown> = {};
  for (const key of keys) if (rng.chance(0.7)) defineOwn(out, key, junk(rng, 1));
  if (rng.chance(0.3)) defineOwn(out, rng.pick(['__proto__', 'constructor', 'extra', 'role']), junk(rng, 1));
  return out;
}

const seedOf = (name: string) => [...name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, SEED ^ 2166136261);

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ms);
  });
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer));
}

describe(`fuzzing the dispatcher (seed ${SEED})`, () => {
  let f: SecurityFixture;
  let watcher: DatabaseWatcher;
  beforeAll(async () => {
    f = await makeSecurityFixture();
    watcher = new DatabaseWatcher(f.dbFile);
  });
  afterAll(async () => {
    watcher?.close();
    await f?.close();
  });

  it('has an example to corrupt for every operation', () => {
    expect(operationsWithoutExample(operationNames), 'add them to src-main/core/security/examples.ts').toEqual([]);
  });

  it('answers every malformed payload with a typed error, writes nothing when it refuses, and stays up', { timeout: 300_000 }, async () => {
    const unexpected: string[] = [];
    const dispatch = createDispatcher(f.host, handlers, {
      logError: (e, op) => unexpected.push(`${op}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    });
    const crashes: unknown[] = [];
    const onCrash = (e: unknown) => crashes.push(e);
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtException', onCrash);

    const failures: string[] = [];
    const fail = (text: string) => {
      if (failures.length < 25) failures.push(text);
    };
    const figures: Figures = {
      calls: 0,
      skipped: 0,
      hashed: 0,
      byCode: {},
      byKind: { junk: 0, mutation: 0, 'unknown operation': 0 },
      slowest: { ms: 0, op: '' },
      refusedWrites: 0,
      acceptedWrites: 0,
      ms: 0,
    };
    let version = watcher.dataVersion();
    let strict = watcher.fingerprint();
    let lenient = watcher.fingerprint(signInCounters);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();

    /** Sends one payload; true when the call ran scrypt. */
    async function send(name: string, kind: Kind, actorIndex: number, payload: unknown): Promise<boolean> {
      const actor = actors[actorIndex % actors.length]!;
      const caller = f.sessionCaller(actor);
      const hashesBefore = scryptCalls();
      const at = performance.now();
      const result = await withTimeout(dispatch(caller, name, payload), HANG_MS * 2);
      const ms = performance.now() - at;
      caller.end();
      const hashed = scryptCalls() > hashesBefore;
      if (hashed) figures.hashed++;
      figures.calls++;
      figures.byKind[kind]++;
      if (ms > figures.slowest.ms) figures.slowest = { ms, op: name };
      const where = () => `${name} as ${actor} (${kind}) with ${describePayload(payload)}`;
      if (result === 'hung') {
        fail(`${where()}: no answer within ${HANG_MS * 2} ms`);
        return hashed;
      }
      if (ms > HANG_MS) fail(`${where()}: took ${Math.round(ms)} ms`);
      const code = result.ok ? 'ok' : result.error.code;
      figures.byCode[code] = (figures.byCode[code] ?? 0) + 1;
      try {
        JSON.stringify(result);
        structuredClone(result);
      } catch (e) {
        fail(`${where()}: the answer cannot travel over HTTP or IPC: ${(e as Error).message}`);
      }
      if (!result.ok) {
        if (!appErrorSchema.safeParse(result.error).success) fail(`${where()}: malformed error ${describePayload(result.error)}`);
        if (result.error.code === 'INTERNAL') fail(`${where()}: INTERNAL`);
      }
      const nowVersion = watcher.dataVersion();
      if (nowVersion !== version) {
        const nowStrict = watcher.fingerprint();
        const nowLenient = watcher.fingerprint(signInCounters);
        if (!result.ok) {
          // A wrong password is counted on purpose (throttling); nothing else may change on a refusal.
          const allowed = name === 'auth.signIn' && nowLenient === lenient;
          if (!allowed && nowStrict !== strict) {
            figures.refusedWrites++;
            fail(`${where()}: refused with ${result.error.code} but the database changed`);
          }
        } else if (nowStrict !== strict) figures.acceptedWrites++;
        version = nowVersion;
        strict = nowStrict;
        lenient = nowLenient;
      }
      return hashed;
    }

    const names = sortedOperations();
    const perOperation = Math.ceil(TOTAL / names.length);
    for (const name of names as OperationName[]) {
      const rng = seededRandom(seedOf(name));
      let hashingCalls = 0;
      for (let i = 0; i < perOperation; i++) {
        const actorIndex = rng.int(0, actors.length - 1);
        const valid = await exampleInput(name, f, actors[actorIndex]!);
        const kind: Kind = i % 2 === 0 ? 'junk' : 'mutation';
        const payload = kind === 'junk' ? junkPayload(rng, valid) : mutate(rng, valid);
        // Password operations are slow by design (scrypt); junk never reaches the hashing, corrupted
        // examples may, so those are capped per operation instead of weakening scrypt for the test.
        if (kind === 'mutation' && hashingCalls >= HASHING_BUDGET) {
          figures.skipped++;
          continue;
        }
        if (await send(name, kind, actorIndex, payload)) hashingCalls++;
      }
      // Every so often, compare the whole file: data_version is the fast path, not the only guard.
      expect(watcher.dataVersion() !== version || watcher.fingerprint() === strict, `after ${name}`).toBe(true);
    }

    const rng = seededRandom(seedOf('unknown operations'));
    const fakeNames: unknown[] = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'users.drop', 'users.list ', 'USERS.LIST', 'users', '', null, undefined, 42, {}, ['users.list'], ...nastyStrings];
    for (let i = 0; i < 200; i++) {
      const name = i < fakeNames.length ? fakeNames[i] : junk(rng);
      await send(name as string, 'unknown operation', i, junk(rng));
    }
    figures.ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;

    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);

    const summary = `seed ${SEED}: ${figures.calls} calls in ${(figures.ms / 1000).toFixed(1)} s (${cpuSeconds.toFixed(1)} s of CPU) (${JSON.stringify(figures.byKind)}), ${figures.hashed} ran scrypt, ${figures.skipped} corrupted examples of password operations skipped, answers ${JSON.stringify(figures.byCode)}, slowest ${figures.slowest.op} ${Math.round(figures.slowest.ms)} ms, accepted calls that wrote ${figures.acceptedWrites}`;
    console.log(`fuzz: ${summary}`);
    const replay = `replay with FUZZ_SEED=${SEED} npx vitest run src-main/core/security/fuzz.test.ts — ${summary}`;
    expect(unexpected, replay).toEqual([]);
    expect(failures, replay).toEqual([]);
    expect(crashes, replay).toEqual([]);
    expect(figures.calls, replay).toBeGreaterThanOrEqual(10_000);

    // Still up, still whole: the app answers, the file is intact, the audit chain unbroken.
    expect(watcher.integrity()).toBe('ok');
    expect(await f.call(f.admin, 'audit.verify', {})).toMatchObject({ ok: true });
    expect((await f.call(f.li, 'auth.session', {})).user?.username).toBe('li');
  });

  it('answers calls sent all at once, valid and corrupted, with typed results', { timeout: 300_000 }, async () => {
    const unexpected: string[] = [];
    const dispatch = createDispatcher(f.host, handlers, {
      logError: (e, op) => unexpected.push(`${op}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    });
    const rng = seededRandom(seedOf('all at once'));
    // Operations whose example runs scrypt are left out: a batch of them measures the CPU, not the app.
    const names: OperationName[] = [];
    for (const name of sortedOperations()) {
      const before = scryptCalls();
      const caller = f.sessionCaller('admin');
      await dispatch(caller, name, await exampleInput(name, f, 'admin'));
      caller.end();
      if (scryptCalls() === before) names.push(name);
    }
    const problems: string[] = [];
    let calls = 0;
    for (let round = 0; round < 80; round++) {
      const batch = await Promise.all(
        Array.from({ length: 16 }, async () => {
          const name = rng.pick(names);
          const actor = rng.pick(actors);
          const valid = await exampleInput(name, f, actor);
          return { name, actor, payload: rng.chance(0.5) ? valid : mutate(rng, valid) };
        }),
      );
      const results = await Promise.all(
        batch.map(async ({ name, actor, payload }) => {
          const caller = f.sessionCaller(actor);
          const result = await withTimeout(dispatch(caller, name, payload), HANG_MS * 2);
          caller.end();
          return { name, actor, payload, result };
        }),
      );
      for (const { name, actor, payload, result } of results) {
        calls++;
        if (result === 'hung') problems.push(`${name} as ${actor}: no answer`);
        else if (!result.ok && (result.error.code === 'INTERNAL' || !appErrorSchema.safeParse(result.error).success))
          problems.push(`${name} as ${actor} with ${describePayload(payload)}: ${result.error.code}`);
      }
    }
    console.log(`fuzz: seed ${SEED}: ${calls} calls in batches of 16 at once`);
    const replay = `replay with FUZZ_SEED=${SEED}`;
    expect(unexpected, replay).toEqual([]);
    expect(problems, replay).toEqual([]);
    expect(watcher.integrity()).toBe('ok');
    expect(await f.call(f.admin, 'audit.verify', {})).toMatchObject({ ok: true });
  });
});
