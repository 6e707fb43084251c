/**
 * `npm run bench`: runs each benchmark module, prints its tables, and rewrites that module's section
 * of docs/BENCHMARKS.md. Options: `--only id,id` runs some modules; `--quick` measures briefly (a
 * smoke test; the document is then left alone); `--no-write` only prints.
 *
 * To add a benchmark, write a module exporting a `Benchmark` (bench/lib/types.ts) and list it below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { conflictProbe } from './conflict-probe';
import { contention } from './contention';
import { funnel } from './funnel';
import { describeMachine, machineLine } from './lib/machine';
import { markdownTable, textTable, writeSection } from './lib/markdown';
import type { Benchmark, BenchContext } from './lib/types';
import { reportExport } from './report-export';
import { sqliteCommits } from './sqlite-commits';

const benchmarks: Benchmark[] = [sqliteCommits, contention, conflictProbe, funnel, reportExport];

// Lets a module open files through SQLite's lock-less VFS (`locklessVfs`), which needs `file:` URIs;
// better-sqlite3 reads this once, when it first opens a file. Plain paths are unaffected.
process.env.SQLITE_USE_URI = '1';

const docFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/BENCHMARKS.md');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !quick && !args.includes('--no-write');
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;

async function runOne(bench: Benchmark): Promise<void> {
  const folders: string[] = [];
  const ctx: BenchContext = {
    tempDir: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `baobei-bench-${bench.id}-`));
      folders.push(dir);
      return dir;
    },
    measureMs: quick ? 300 : 3_000,
    log: (line) => console.log(line),
  };
  console.log(`\n${bench.title}`);
  // Described before the run: the load average the section shows is the one the run started under.
  const machine = describeMachine();
  try {
    const result = await bench.run(ctx);
    for (const { caption, table } of result.tables) console.log(`${caption ? `${caption}\n` : ''}${textTable(table)}`);
    if (!write) return;
    const body = [
      `## ${bench.title}`,
      '',
      `Machine: ${machineLine(machine)}.`,
      '',
      ...result.tables.flatMap(({ caption, table }) => [...(caption ? [caption, ''] : []), markdownTable(table), '']),
      ...result.notes.map((n) => `- ${n}`),
    ].join('\n');
    writeSection(docFile, bench.id, body);
  } finally {
    for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const selected = benchmarks.filter((b) => !only || only.has(b.id));
if (selected.length === 0) throw new Error(`no benchmark matches --only ${onlyArg}; known: ${benchmarks.map((b) => b.id).join(', ')}`);
console.log(`Machine: ${machineLine(describeMachine())}`);
for (const bench of selected) await runOne(bench);
if (write) console.log(`\nWritten to ${path.relative(process.cwd(), docFile)}`);
