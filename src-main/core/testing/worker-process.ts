import { buildSync } from 'esbuild';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { WorkerTask } from './db-worker';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const workerScript = path.join(here, 'db-worker.ts');

export interface DbWorker {
  child: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves with the first line (already seen or still to come) that matches; rejects if the child exits first. */
  waitForLine(match: (line: string) => boolean): Promise<string>;
  send(line: string): void;
  /** Resolves when the child has exited, with its code or the signal that killed it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Like `exited`, once its output has also been read to the end: every line it wrote is in `lines`. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ids printed as `ack <id>`: writes whose commit the child saw acknowledged. */
  acked(): number[];
  /** How long each acknowledged write took, where the task reports it. */
  latenciesMs(): number[];
  errors(): string[];
  /** Everything the child wrote on stderr so far, for failure messages. */
  stderr(): string;
}

/** Starts db-worker.ts in its own Node process: another PC on the same database file. */
export function spawnDbWorker(task: WorkerTask): DbWorker {
  return spawnWorkerScript(workerScript, task, { env: task.lockless ? { SQLITE_USE_URI: '1' } : {}, bundle: false });
}

export interface SpawnOptions {
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Run as another (unprivileged) user: a PC whose user lacks rights the test process has. */
  uid?: number;
  gid?: number;
  /** Run the script bundled (the default) rather than compiled module by module by tsx. */
  bundle?: boolean;
}

const bundles = new Map<string, string>();

/**
 * The script and the app modules it imports, bundled once per test process into one ES module (npm
 * packages stay external): a child then starts in about a third of the time tsx takes to compile
 * every module on the fly, which matters where a test starts dozens of "PCs" on two cores.
 */
function bundled(script: string): string {
  let out = bundles.get(script);
  if (!out) {
    // Inside the repository, so that the bundle resolves the npm packages from node_modules.
    out = path.join(repoRoot, 'node_modules', '.cache', 'baobei-test-workers', `${path.basename(script, '.ts')}-${process.pid}.mjs`);
    buildSync({ entryPoints: [script], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: out, logLevel: 'warning' });
    bundles.set(script, out);
    const built = out;
    process.once('exit', () => fs.rmSync(built, { force: true }));
  }
  return out;
}

/**
 * Starts any TypeScript worker script of this folder in its own Node process, with its task as one
 * JSON argument, and follows its stdout line by line as the DbWorker interface describes.
 */
export function spawnWorkerScript(script: string, task: unknown, options: SpawnOptions = {}): DbWorker {
  const args = options.bundle === false ? ['--import', 'tsx', script] : [bundled(script)];
  const child = spawn(process.execPath, [...args, JSON.stringify(task)], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  const lines: string[] = [];
  const waiters: { match: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.match(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    exited,
    closed,
    waitForLine: (match) => {
      const seen = lines.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(({ code, signal }) =>
          reject(new Error(`worker exited (${code ?? signal}) before the expected line; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`)),
        );
      });
    },
    send: (line) => child.stdin!.write(`${line}\n`),
    acked: () => lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.split(' ')[1])),
    latenciesMs: () => lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.split(' ')[2])).filter((n) => !Number.isNaN(n)),
    errors: () => lines.filter((l) => l.startsWith('error ') || l.startsWith('fatal ')),
    stderr: () => stderr,
  };
}
