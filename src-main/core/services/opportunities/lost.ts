import type { SessionUser } from '../../../../src-shared/contract';
import type { Db } from '../../db/database';
import { recordAudit } from '../audit/record';
import { unindexRegistration } from '../conflicts/index-keys';
import { readOfficeSettings } from '../office/settings';
import { handOverOrEndProtection } from '../protection/protect';
import { loadRegistration } from '../registrations/rows';
import { fieldIssue, openOpportunity } from './move';

/**
 * Loses an open opportunity for one of the office's reasons. The loss ends the protection and takes the
 * registration out of the conflict index: the customer is free for anyone to register.
 */
export async function markLost(q: Db, req: { me: SessionUser; id: number; version: number; reason: string; comment?: string | undefined; nowIso: string }): Promise<void> {
  const before = await openOpportunity(q, req.me, req.id, req.version);
  const { settings } = await readOfficeSettings(q);
  if (!settings.lostReasons.includes(req.reason)) throw fieldIssue(['reason'], 'v.lostReason');
  await q
    .updateTable('registrations')
    .set((eb) => ({
      status: 'lost',
      lost_reason: req.reason,
      lost_comment: req.comment ?? null,
      closed_at: req.nowIso,
      updated_at: req.nowIso,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', before.id)
    .execute();
  await handOverOrEndProtection(q, before.id, req.nowIso);
  await unindexRegistration(q, before.id);
  await recordAudit(q, {
    at: req.nowIso,
    userId: req.me.id,
    operation: 'registrations.markLost',
    entity: 'registration',
    entityId: before.id,
    before,
    after: await loadRegistration(q, before.id),
  });
}
