/** What every benchmark module exports; run.ts calls each and writes its section of docs/BENCHMARKS.md. */
export interface Benchmark {
  /** Stable id: names the section markers in docs/BENCHMARKS.md, and `--only` selects by it. */
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

export interface BenchContext {
  /** A fresh temporary folder on the disk under test; removed after the run. */
  tempDir(): string;
  /** How long one measurement should run, in ms (shorter with `--quick`). */
  measureMs: number;
  log(line: string): void;
}

export interface Table {
  headers: string[];
  rows: (string | number)[][];
}

export interface BenchResult {
  tables: { caption?: string; table: Table }[];
  /** Plain-language lines under the tables: method, and what the numbers mean. */
  notes: string[];
}
