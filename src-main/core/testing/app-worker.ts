/**
 * The app core in a child process, driven line by line: a PC whose user or rights differ from the test
 * process's (run it as an unprivileged user), or one that must survive what is done to it.
 *
 * Argument (JSON): `{ db, lease? }`. It tries to open the database at once and prints
 * `{"opened":true}` or `{"opened":false,"error":{code,key,message}}`. Then each stdin line is a JSON
 * request `{ "op": OperationName | "open", "input": {…}, "as": "<caller name>" }` and gets one stdout
 * line `{"ok":true,"data":…}` or `{"ok":false,"error":{code,key,message}}`. `open` retries opening the
 * database, as the start-up screen's retry button does. Calls run one at a time, in order.
 */
import readline from 'node:readline';
import { MemorySettingsStore } from '../../cli/memory-settings';
import type { LeaseOptions } from '../db/lease';
import { createDispatcher, toErrorShape } from '../dispatch';
import { handlers } from '../handlers';
import { AppHost } from '../host/app-host';
import { makeCaller } from './test-host';

const task = JSON.parse(process.argv[2] ?? '{}') as { db: string; lease?: Partial<LeaseOptions> };
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

const host = new AppHost({
  settings: new MemorySettingsStore('en'),
  defaultLocalPath: null,
  canChooseDatabase: false,
  backupPolicy: () => null,
  changeFeedMs: 60_000,
  maintenanceMs: 0,
  ...(task.lease ? { lease: task.lease } : {}),
});
const dispatch = createDispatcher(host, handlers, { logError: (e, op) => process.stderr.write(`[${op}] ${String((e as Error)?.stack ?? e)}\n`) });
const callers = new Map<string, ReturnType<typeof makeCaller>>();

async function open(): Promise<unknown> {
  try {
    await host.useDatabase(task.db, 'open');
    return { ok: true, data: {} };
  } catch (e) {
    return { ok: false, error: toErrorShape(e, 'en', () => {}) };
  }
}

async function handle(line: string): Promise<unknown> {
  const request = JSON.parse(line) as { op: string; input?: unknown; as?: string };
  if (request.op === 'open') return open();
  const as = request.as ?? 'default';
  if (!callers.has(as)) callers.set(as, makeCaller());
  return dispatch(callers.get(as)!, request.op, request.input ?? {});
}

const first = (await open()) as { ok: boolean; error?: unknown };
say(first.ok ? { opened: true } : { opened: false, error: first.error });
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  queue = queue.then(async () => {
    say(await handle(line));
  });
});
process.stdin.on('end', () => {
  void queue.then(async () => {
    await host.close();
    process.exit(0);
  });
});
