import fs from 'node:fs';
import type { Table } from './types';

const HEADER = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts). Each section belongs to one module in bench/ and is
replaced, between its markers, whenever that module runs; edit the modules, not the figures.
`;

export function markdownTable({ headers, rows }: Table): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** The text of `doc` with the section `id` replaced by `body`, or added at the end if it is new. */
export function replaceSection(doc: string, id: string, body: string): string {
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from >= 0 && to > from) return doc.slice(0, from) + block + doc.slice(to + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

/** Replaces one section of the benchmarks document in place, creating the document if needed. */
export function writeSection(file: string, id: string, body: string): void {
  const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : HEADER;
  fs.writeFileSync(file, replaceSection(doc, id, body));
}

/** Plain text for the terminal. */
export function textTable({ headers, rows }: Table): string {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(fmt)].join('\n');
}
