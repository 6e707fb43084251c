import type { Db } from '../../db/database';
import type { ChecklistItem } from './decide';

/** The decisions taken on a registration, oldest first, with the reviewer's name and checklist. */
export async function decisionsOf(q: Db, registrationId: number) {
  const rows = await q
    .selectFrom('review_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.reviewer_id')
    .select(['d.id', 'd.decision', 'd.reason', 'd.checklist', 'd.created_at', 'u.display_name'])
    .where('d.registration_id', '=', registrationId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    decision: r.decision,
    reason: r.reason,
    reviewerName: r.display_name,
    checklist: JSON.parse(r.checklist) as ChecklistItem[],
    createdAt: r.created_at,
  }));
}
