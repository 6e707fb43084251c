/**
 * One PC of the office for the reliability tests: a child process running the real app core (AppHost
 * and the dispatcher, as a window would call it) on a database file, signed in as one user, doing what
 * its JSON argument (an `OfficeTask`) says and reporting one line per event on stdout. Started with
 * `spawnOfficeWorker` (office-workers.ts) as `node --import tsx office-worker.ts '<json>'`.
 *
 *   register: submits `count` registrations of distinct customers (`customerName(seed, i)`), and after
 *             every `sharedEvery`-th one a claim of one of the shared customers (with a justification,
 *             as that customer is claimed already). Prints `ack <i> <registrationId> <ms>` (or
 *             `ack-shared <k>-<i> <id> <ms>`) only after the dispatcher returned the committed
 *             registration, with how long the call took; `error <label> <code> <key> <ms>` for a
 *             failure. With `pauseMs`, a person saving now and then; a `stop` line ends it early.
 *   approve:  a reviewer going through the team's submitted registrations (those whose customer name
 *             contains `search`, if given), in random order, approving each. Prints
 *             `approved <id>` for an approval the dispatcher confirmed, `refused <id> <code> <key>` for
 *             an expected refusal (CONFLICT: approved by another PC meanwhile, an earlier claim, the
 *             customer protected already), `error <id> <code> <key>` for anything else. Runs `passes`
 *             passes, or until a `stop` line arrives on stdin and one more pass is done.
 *
 * Both print `ready` once signed in; with `startOnGo` they wait for a `go` line first. Then `done`.
 */
import readline from 'node:readline';
import type { InputOf, OperationName, OutputOf } from '../../../src-shared/contract';
import { createDispatcher } from '../dispatch';
import { handlers } from '../handlers';
import { AppHost } from '../host/app-host';
import { MemorySettingsStore } from '../../cli/memory-settings';
import { makeCaller } from './test-host';
import { type OfficeTask, customerFields, sharedCustomerFields } from './office-workers';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Lines from the parent on stdin (`go`, `stop`): one reader, so none is lost to another. */
function stdinLines(): (expected: string) => Promise<void> {
  const seen = new Set<string>();
  const waiters: { line: string; resolve: () => void }[] = [];
  readline.createInterface({ input: process.stdin }).on('line', (raw) => {
    const line = raw.trim();
    seen.add(line);
    for (const w of waiters.filter((x) => x.line === line)) w.resolve();
  });
  return (line) => (seen.has(line) ? Promise.resolve() : new Promise((resolve) => waiters.push({ line, resolve })));
}

type Failure = { code: string; key: string };
/** `CODE key`, with the field issues' keys for a VALIDATION error. */
const describe = (e: { code: string; key: string; details?: { issues?: { path: (string | number)[]; key: string }[] } }) =>
  `${e.code} ${e.key}${e.details?.issues ? ` ${e.details.issues.map((i) => `${i.path.join('.')}:${i.key}`).join(',')}` : ''}`;
type Outcome<K extends OperationName> = { ok: true; data: OutputOf<K> } | { ok: false; error: Failure };

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as OfficeTask;
  const host = new AppHost({
    settings: new MemorySettingsStore('en'),
    defaultLocalPath: null,
    canChooseDatabase: false,
    backupPolicy: () => null,
    changeFeedMs: 60_000,
    maintenanceMs: 0,
    ...(task.lease ? { lease: task.lease } : {}),
  });
  await host.useDatabase(task.db, 'open');
  const dispatch = createDispatcher(host, handlers, { logError: (e, op) => process.stderr.write(`[${op}] ${String((e as Error)?.stack ?? e)}\n`) });
  const caller = makeCaller();
  const call = async <K extends OperationName>(op: K, input: InputOf<K>): Promise<Outcome<K>> => {
    const result = await dispatch(caller, op, input);
    return result.ok ? { ok: true, data: result.data as OutputOf<K> } : { ok: false, error: { code: result.error.code, key: describe(result.error).slice(result.error.code.length + 1) } };
  };
  const signedIn = await call('auth.signIn', { username: task.username, password: task.password });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.code} ${signedIn.error.key}`);
  const line = stdinLines();
  say('ready');
  let stop = false;
  const stopped = line('stop').then(() => (stop = true));
  if (task.startOnGo) await line('go');

  if (task.task === 'register') {
    const submit = async (label: string, fields: InputOf<'registrations.submit'>['fields'], justification?: string) => {
      const started = performance.now();
      const result = await call('registrations.submit', { fields, ...(justification ? { conflictJustification: justification } : {}) });
      const ms = (performance.now() - started).toFixed(1);
      if (result.ok) say(`${label} ${result.data.registration.id} ${ms}`);
      else say(`error ${label} ${result.error.code} ${result.error.key} ${ms}`);
    };
    for (let i = 0; i < task.count && !stop; i++) {
      if (i > 0 && task.pauseMs) await new Promise((r) => setTimeout(r, task.pauseMs));
      // A PC alone on the lease commits without ever waiting for a timer or a file, so without this turn
      // of the event loop its saves run on promises alone and the `stop` line is never read: a bulk job
      // told to stop ran on for thousands of commits, past the fairness test's time.
      else await new Promise((r) => setImmediate(r));
      await submit(`ack ${i}`, customerFields(task.seed, i));
      if (task.sharedEvery && task.sharedCount && (i + 1) % task.sharedEvery === 0) {
        const k = Math.floor(i / task.sharedEvery) % task.sharedCount;
        // A shared customer is claimed already: submitting it anyway takes a reason, and goes to adjudication.
        await submit(`ack-shared ${k}-${i}`, sharedCustomerFields(k, task.seed, i), `客户主动联系，第 ${i} 次`);
      }
    }
  } else {
    void stopped;
    for (let pass = 0; task.passes === undefined || pass < task.passes; pass++) {
      const finalPass = stop;
      const list = await call('registrations.list', {
        scope: 'team',
        statuses: ['submitted'],
        limit: 500,
        ...(task.search ? { search: task.search } : {}),
      });
      if (!list.ok) {
        say(`error 0 ${list.error.code} ${list.error.key}`);
        continue;
      }
      const ids = list.data.items.map((r) => r.id).sort(() => Math.random() - 0.5);
      for (const id of ids) {
        if (task.pauseMs) await new Promise((r) => setTimeout(r, task.pauseMs));
        const result = await call('registrations.approve', { id });
        if (result.ok) say(`approved ${id}`);
        else if (result.error.code === 'CONFLICT') say(`refused ${id} ${result.error.code} ${result.error.key}`);
        else say(`error ${id} ${result.error.code} ${result.error.key}`);
      }
      if (finalPass) break;
      // Between passes, a pause like a reviewer reading the next page; less lease traffic.
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await host.close();
  say('done');
  process.exit(0);
}

main().catch((e: unknown) => {
  say(`fatal ${String((e as Error)?.stack ?? e).replace(/\n/g, ' | ')}`);
  process.exit(1);
});
