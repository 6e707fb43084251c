import type { Db } from '../../db/database';

/** A reviewer's decision written onto the registration: its new status, who decided, when and why. */
export async function setDecisionStatus(
  q: Db,
  id: number,
  decision: { status: 'approved' | 'returned' | 'rejected'; reviewerId: number; reason: string | null; nowIso: string },
): Promise<void> {
  const { status, reviewerId, reason, nowIso } = decision;
  await q
    .updateTable('registrations')
    .set((eb) => ({
      status,
      ...(status === 'approved' ? { approved_at: nowIso } : {}),
      decided_at: nowIso,
      decided_by: reviewerId,
      decision_reason: reason,
      needs_adjudication: 0,
      updated_at: nowIso,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}
