import type { SessionUser } from '../../../../src-shared/contract';
import type { Stage } from '../../../../src-shared/contract/registrations';
import type { Db } from '../../db/database';
import { recordAudit } from '../audit/record';
import { openOpportunity } from './move';

/**
 * Moves an open opportunity to another open stage, forward or back, and records the move; the schema's
 * triggers close the stint in the old stage and remember the furthest stage reached. 合同签订 is a win
 * (won.ts), never a plain stage change.
 */
export async function changeStage(q: Db, req: { me: SessionUser; id: number; version: number; stage: Exclude<Stage, 'contract_signed'>; nowIso: string }): Promise<void> {
  const before = await openOpportunity(q, req.me, req.id, req.version);
  if (before.stage === req.stage) return;
  await q
    .insertInto('stage_history')
    .values({ registration_id: before.id, from_stage: before.stage, to_stage: req.stage, changed_at: req.nowIso, changed_by: req.me.id })
    .execute();
  await q
    .updateTable('registrations')
    .set((eb) => ({ stage: req.stage, updated_at: req.nowIso, version: eb('version', '+', 1) }))
    .where('id', '=', before.id)
    .execute();
  await recordAudit(q, {
    at: req.nowIso,
    userId: req.me.id,
    operation: 'registrations.changeStage',
    entity: 'registration',
    entityId: before.id,
    before: { stage: before.stage },
    after: { stage: req.stage },
  });
}
