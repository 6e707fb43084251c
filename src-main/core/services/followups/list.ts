import type { FollowUp } from '../../../../src-shared/contract/followups';
import type { Db } from '../../db/database';

/** An opportunity's follow-ups, the latest first (by when they happened, then by when they were logged). */
export async function listFollowUps(q: Db, registrationId: number, onlyId?: number): Promise<FollowUp[]> {
  let query = q
    .selectFrom('follow_ups as f')
    .innerJoin('users as u', 'u.id', 'f.author_id')
    .selectAll('f')
    .select('u.display_name as author_name')
    .where('f.registration_id', '=', registrationId);
  if (onlyId !== undefined) query = query.where('f.id', '=', onlyId);
  const rows = await query.orderBy('f.happened_at', 'desc').orderBy('f.id', 'desc').execute();
  return rows.map((f) => ({
    id: f.id,
    registrationId: f.registration_id,
    kind: f.kind,
    happenedAt: f.happened_at,
    content: f.content,
    outcome: f.outcome,
    nextAction: f.next_action,
    nextDueDate: f.next_due_date,
    authorId: f.author_id,
    authorName: f.author_name,
    createdAt: f.created_at,
  }));
}
