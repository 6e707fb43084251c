import type { Random } from '../demo/random';

/**
 * What an untrusted renderer (or anything holding the browser host's token) can send as an input.
 * Electron's IPC uses the structured clone algorithm, so besides JSON it carries BigInt, Date, Map,
 * Set, typed arrays and RegExp; the browser host carries JSON only. Both are covered.
 */

const MB = 1024 * 1024;

/** Strings that have broken other programs: SQL, numbers in disguise, paths, markup, Unicode edges. */
export const nastyStrings: readonly string[] = [
  "'; DROP TABLE registrations; --",
  '1 OR 1=1',
  "' OR '1'='1",
  '" OR ""="',
  "admin'--",
  "1; UPDATE users SET role='admin' --",
  "' UNION SELECT password_hash FROM users --",
  "Robert'); DROP TABLE users;--",
  '%',
  '_',
  '%_%',
  '\\',
  "\\'",
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '-0',
  '1e999',
  '0x7fffffff',
  '9007199254740993',
  '１２３',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '😀',
  '👨‍👩‍👧‍👦',
  '\u202Eevil\u202C',
  '深圳市\u202E司公限有技科\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '深圳\u200B市星辰\u200D科技有限公司',
  '\uD800',
  '\uDC00abc',
  'a\uD83D',
  'ｆｕｌｌ－ｗｉｄｔｈ（测试）',
  'İıß',
  'e\u0301\u0301\u0301',
  'Z̴̡̢̛̗̘͎ä̸l̷g̵o̶',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  '\\\\server\\share\\baobei.sqlite',
  'file:///etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31',
  '0000-00-00',
  '2026-06-30T00:00:00Z',
  '13812345678',
  '138 1234 5678 转 801',
  'a@b',
  'x@qq.com',
  '91350100M000100Y43',
  '有限公司',
  '(深圳)',
];

/** Large strings, built once: 1 MB of ASCII, CJK, emoji, LIKE wildcards and lone surrogates. */
let huge: string[] | null = null;
export function hugeStrings(): readonly string[] {
  huge ??= [
    'x'.repeat(MB),
    '中'.repeat(MB),
    '😀'.repeat(MB / 2),
    '%_'.repeat(MB / 2),
    '\uD800'.repeat(MB),
    `${'a'.repeat(MB)}@example.com`,
    '1'.repeat(MB),
    '\u200B'.repeat(MB),
  ];
  return huge;
}

export const nastyNumbers: readonly number[] = [
  0, -0, 1, -1, 2, 0.5, -0.5, 1e-320, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53),
  Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e308, NaN, Infinity, -Infinity, 99_999_999_999,
];

/** A value nobody means: of any type, possibly nested. */
export function junk(rng: Random, depth = 0): unknown {
  const kind = rng.int(0, depth > 2 ? 9 : 13);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return rng.chance(0.5);
    case 3:
    case 4:
      return rng.pick(nastyNumbers);
    case 5:
    case 6:
      return rng.pick(nastyStrings);
    case 7:
      return rng.chance(0.03) ? rng.pick(hugeStrings()) : randomText(rng);
    case 8:
      return cloneable(rng);
    case 9:
      return rng.int(-1000, 1000);
    case 10:
      return Array.from({ length: rng.int(0, 4) }, () => junk(rng, depth + 1));
    case 11:
      return rng.chance(0.1) ? deepNest(rng.int(50, 5000)) : Array.from({ length: rng.int(0, 3) }, () => rng.int(-5, 5));
    default:
      return junkObject(rng, depth + 1);
  }
}

/** Values only IPC's structured clone can carry. */
function cloneable(rng: Random): unknown {
  switch (rng.int(0, 8)) {
    case 0:
      return BigInt(rng.int(-5, 5));
    case 1:
      return 2n ** 70n;
    case 2:
      return new Date(rng.chance(0.5) ? 0 : NaN);
    case 3:
      return new Map<unknown, unknown>([['id', 1]]);
    case 4:
      return new Set([1, 2]);
    case 5:
      return new Uint8Array(rng.int(0, 8));
    case 6:
      return /.*/g;
    case 7:
      return Object.assign(Object.create(null) as object, { id: 1 });
    default:
      return poisoned(rng);
  }
}

const keyPool = ['id', 'ids', 'version', 'role', 'ownerId', 'userId', 'isAdmin', 'fields', 'input', 'op', '__proto__', 'constructor', 'prototype', 'a', '', ' ', '中文', '0', 'length', 'toString', 'valueOf', 'toJSON', 'then'];

/**
 * Objects JSON and IPC both carry that break JavaScript's own conversions: toString and valueOf that
 * are not functions make any comparison or string concatenation throw; a `length` makes a value look
 * like a string or an array to code that only checks for one.
 */
export function poisoned(rng: Random): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  defineOwn(out, 'toString', rng.pick([1, 'x', null, {}]));
  defineOwn(out, 'valueOf', rng.pick([1, 'x', null, {}]));
  if (rng.chance(0.5)) defineOwn(out, 'length', rng.pick([{ toString: 1, valueOf: 1 }, 8, -1, 1e9, '8']));
  if (rng.chance(0.3)) defineOwn(out, 'toJSON', rng.pick([1, 'x']));
  return out;
}

function junkObject(rng: Random, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = rng.int(0, 4); i > 0; i--) defineOwn(out, rng.chance(0.7) ? rng.pick(keyPool) : randomText(rng), junk(rng, depth));
  return out;
}

/** Sets an own property, even `__proto__`, the way JSON.parse does. */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function deepNest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const alphabet = ['a', 'Z', '9', ' ', '中', '司', '（', '）', '(', ')', '-', '@', '.', "'", '"', ';', '%', '_', '\\', '\u200B', '\u202E', '😀', '\uD800', '\u0000', '\n'];
function randomText(rng: Random): string {
  return Array.from({ length: rng.int(0, 40) }, () => rng.pick(alphabet)).join('');
}

type Path = (string | number)[];

/** Every place in a value: object keys and array indexes, at any depth, the root included. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

const getAt = (value: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);

function setAt(root: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = next;
  return copy;
}

function removeAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  const parent = getAt(copy, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string | number, unknown>)[key];
  return copy;
}

/** A value of the same meaning in the wrong type, or of the right type out of range. */
function twisted(rng: Random, value: unknown): unknown {
  if (typeof value === 'number') {
    // Small valid ids reach other rows, in whatever state they are: the checks inside the handlers.
    if (rng.chance(0.35)) return rng.int(1, 80);
    return rng.pick([-value, value + 0.5, String(value), value * 1e300, -1, 0, NaN, Infinity, 2 ** 53 + 2, [value], BigInt(Math.trunc(value) || 1)]);
  }
  if (typeof value === 'string') {
    return rng.pick([
      poisoned(rng),
      { length: poisoned(rng) },
      Number(value),
      [value],
      `${value}${rng.pick(nastyStrings)}`,
      `${rng.pick(nastyStrings)}${value}`,
      value.split('').join('\u200B'),
      `\u202E${value}`,
      value.toUpperCase(),
      value.normalize('NFD'),
      rng.chance(0.2) ? `${value}${rng.pick(hugeStrings())}` : `  ${value}  `,
      '',
    ]);
  }
  if (typeof value === 'boolean') return rng.pick([String(value), Number(value), null, !value]);
  if (Array.isArray(value)) return rng.pick([value[0], {}, [...value, ...value, ...value, ...value, ...value, ...value], [], value.map(() => junk(rng, 2))]);
  if (value !== null && typeof value === 'object') return rng.pick([[value], JSON.stringify(value), {}, Object.values(value)]);
  return junk(rng);
}

/**
 * A valid input with one thing wrong: a field removed, retyped, twisted, replaced by junk, or an
 * extra field added; sometimes the whole input wrapped or stringified.
 */
export function mutate(rng: Random, valid: unknown): unknown {
  const paths = pathsOf(valid);
  const path = rng.pick(paths);
  const here = getAt(valid, path);
  switch (rng.int(0, 6)) {
    case 0:
      return path.length === 0 ? undefined : removeAt(valid, path);
    case 1:
    case 2:
      return setAt(valid, path, twisted(rng, here));
    case 3:
      return setAt(valid, path, junk(rng));
    case 4: {
      const objects = paths.filter((p) => {
        const v = getAt(valid, p);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      const target = rng.pick(objects.length > 0 ? objects : [[]]);
      const copy = structuredClone(valid) as Record<string, unknown>;
      const parent = (target.length === 0 ? copy : getAt(copy, target)) as Record<string, unknown>;
      if (parent !== null && typeof parent === 'object') defineOwn(parent, rng.pick(keyPool), junk(rng));
      return copy;
    }
    case 5:
      return setAt(valid, path, rng.pick(nastyStrings));
    default:
      return rng.pick([[valid], JSON.stringify(valid), { input: valid }, null, 42]);
  }
}

/** A short description of a payload for a failure message: no megabyte strings in the report. */
export function describePayload(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'string' && v.length > 80) return `<${v.length} chars: ${JSON.stringify(v.slice(0, 20))}…>`;
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      if (v instanceof Map) return `Map(${v.size})`;
      if (v instanceof Set) return `Set(${v.size})`;
      if (v instanceof RegExp) return String(v);
      return v;
    });
    return text === undefined ? 'undefined' : text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch (e) {
    return `<unprintable: ${(e as Error).message}>`;
  }
}
