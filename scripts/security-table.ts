/**
 * Prints the role table of docs/SECURITY.md from the contract; `--write` puts it into the document
 * between its markers. src-main/core/security/access.test.ts fails while the document is out of date.
 *
 *   node --import tsx scripts/security-table.ts [--write]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessTableMarkdown, withCurrentTable } from '../src-main/core/security/access-table';

const docFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'SECURITY.md');

if (process.argv.includes('--write')) {
  fs.writeFileSync(docFile, withCurrentTable(fs.readFileSync(docFile, 'utf8')));
  console.log(`updated ${path.relative(process.cwd(), docFile)}`);
} else {
  console.log(accessTableMarkdown());
}
