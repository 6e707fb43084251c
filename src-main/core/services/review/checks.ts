import { type CheckResult, runChecks } from '../../../../src-shared/domain/review/checks';
import type { Db } from '../../db/database';
import { fromFen } from '../registrations/rows';
import type { RegistrationRow } from '../registrations/rows';

/** Fewer approved deals than this in a product line say nothing about its usual budget. */
const MIN_SAMPLES = 5;

/** The median budget of a product line's approved and won registrations, in yuan. */
export async function productLineMedianBudget(q: Db, productLine: string | null): Promise<number | null> {
  if (!productLine) return null;
  const rows = await q
    .selectFrom('registrations')
    .select('budget_fen')
    .where('product_line', '=', productLine)
    .where('status', 'in', ['approved', 'won'])
    .where('budget_fen', 'is not', null)
    .orderBy('budget_fen')
    .execute();
  if (rows.length < MIN_SAMPLES) return null;
  return fromFen(rows[Math.floor(rows.length / 2)]?.budget_fen ?? null);
}

/** The automatic pre-check of a stored registration, as the reviewer sees it today. */
export async function checkRegistration(q: Db, row: RegistrationRow, today: string, medians = new Map<string, number | null>()): Promise<CheckResult[]> {
  const line = row.product_line ?? '';
  if (!medians.has(line)) medians.set(line, await productLineMedianBudget(q, row.product_line));
  const history = await q.selectFrom('stage_history').select('to_stage').where('registration_id', '=', row.id).orderBy('id').execute();
  return runChecks(
    {
      customerName: row.customer_name,
      customerKind: row.customer_kind,
      contactPerson: row.contact_person,
      phones: JSON.parse(row.phones) as string[],
      email: row.email,
      uscc: row.uscc,
      needDescription: row.need_description,
      budget: fromFen(row.budget_fen),
      expectedCloseDate: row.expected_close_date,
      stage: row.stage,
      stageHistory: history.map((h) => h.to_stage),
    },
    { today, productLineMedianBudget: medians.get(line) ?? null },
  );
}
