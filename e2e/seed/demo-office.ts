/**
 * Fills an end-to-end test's database with the demo generator's office, through the real core, on the
 * database file the browser host has open (the lease keeps the two processes apart):
 *
 *   node --import tsx e2e/seed/demo-office.ts <db> <opportunities> <password>
 *
 * The demo's salespeople and reviewers all get <password>. Prints one JSON line: the generator's summary.
 */
import { Database } from '../../src-main/core/db/database';
import { generateDemo } from '../../src-main/core/demo/generate';

const [file, count, password] = process.argv.slice(2);
if (!file || !count || !password) {
  process.stderr.write('usage: demo-office.ts <db> <opportunities> <password>\n');
  process.exit(2);
}
const db = await Database.open({ file, mode: 'open' });
try {
  const summary = await generateDemo(db, { opportunities: Number(count), seed: 2026, password });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await db.close();
}
