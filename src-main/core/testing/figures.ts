import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The p-th percentile (0–100) of some numbers, nearest rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

/**
 * What a reliability test measured, printed for the log and kept in test-results/reliability/<name>.json
 * (ignored by git), from where the figures in docs/RELIABILITY.md were copied.
 */
export function reportFigures(name: string, figures: Record<string, unknown>): void {
  const dir = path.join(repoRoot, 'test-results', 'reliability');
  fs.mkdirSync(dir, { recursive: true });
  // Timings on a shared 2-core machine mean little without how busy it was.
  const withLoad = { ...figures, loadAverage1m: round(os.loadavg()[0]!), cores: os.cpus().length };
  const stamped = { measuredAt: new Date().toISOString(), ...withLoad };
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(stamped, null, 2)}\n`);
  console.log(`[reliability] ${name}: ${JSON.stringify(withLoad)}`);
}

/** The longest run of consecutive items that are equal: a process's streak of back-to-back commits. */
export function longestRun<T>(items: readonly T[]): { item: T | undefined; length: number } {
  let best = { item: undefined as T | undefined, length: 0 };
  let current = { item: undefined as T | undefined, length: 0 };
  for (const item of items) {
    current = current.length > 0 && current.item === item ? { item, length: current.length + 1 } : { item, length: 1 };
    if (current.length > best.length) best = current;
  }
  return best;
}
