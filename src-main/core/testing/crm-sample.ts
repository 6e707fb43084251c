import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The public sample of another CRM, in the project's shared folder beside the checkout. */
export const crmSampleCsv = path.resolve(repo, '../shared/data/crm-sales-opportunities/sales_pipeline.csv');

/**
 * Tests of the sample run where the shared folder sits beside the checkout, as in CI; in a checkout
 * elsewhere they are skipped with this reason printed. In CI (CI=true) a missing sample fails them.
 */
export function skipWithoutCrmSample(suite: string): boolean {
  if (fs.existsSync(crmSampleCsv)) return false;
  if (process.env.CI === 'true') return false;
  console.warn(`[${suite}] skipped here (it runs in CI): no ${crmSampleCsv}`);
  return true;
}
