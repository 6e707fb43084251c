export interface Measurement {
  ops: number;
  seconds: number;
  perSecond: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Runs `op` back to back for about `durationMs` after a short warm-up, timing each call, and reports
 * the rate and the latency spread. Time-boxed rather than a fixed N, so a slow disk still finishes
 * and a fast one still runs long enough for a stable figure.
 */
export async function measure(op: (i: number) => unknown, durationMs: number, warmup = 50): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await op(-1 - i);
  const samples: number[] = [];
  const start = performance.now();
  const until = start + durationMs;
  let now = start;
  for (let i = 0; now < until; i++) {
    const before = now;
    await op(i);
    now = performance.now();
    samples.push(now - before);
  }
  const seconds = (now - start) / 1000;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return {
    ops: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    meanMs: (now - start) / samples.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: samples.at(-1) ?? 0,
  };
}

export const fixed = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(1));
