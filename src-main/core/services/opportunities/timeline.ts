import type { FollowUp, TimelineEvent } from '../../../../src-shared/contract/followups';
import type { Status } from '../../../../src-shared/contract/registrations';
import { statuses } from '../../../../src-shared/contract/registrations';
import type { Db } from '../../db/database';
import { listFollowUps } from '../followups/list';

/** Audit entries the timeline shows from their own tables, with more detail than the audit keeps. */
const shownElsewhere = new Set(['followups.add', 'registrations.changeStage', 'registrations.changeCloseDate', 'registrations.saveDraft']);

const asStatus = (value: unknown): Status | null => (typeof value === 'string' && (statuses as readonly string[]).includes(value) ? (value as Status) : null);

/** The status and reason an audit entry's before/after carry, whichever operation wrote it. */
function auditDetails(beforeJson: string | null, afterJson: string | null) {
  const before = (beforeJson ? JSON.parse(beforeJson) : null) as Record<string, unknown> | null;
  const after = (afterJson ? JSON.parse(afterJson) : null) as Record<string, unknown> | null;
  const reason = [after?.decision_reason, after?.lost_reason, after?.reason].find((r): r is string => typeof r === 'string' && r !== '');
  const statusTo = asStatus(after?.status);
  const statusFrom = asStatus(before?.status);
  return { statusFrom: statusFrom === statusTo ? null : statusFrom, statusTo, reason: reason ?? null };
}

/** At one instant, what an operation did (its audit event) comes before what it recorded on the way. */
const typeRank: Record<TimelineEvent['type'], number> = { event: 3, stageChange: 2, closeDateChange: 1, followUp: 0 };

/**
 * Everything that happened to an opportunity, newest first: follow-ups, stage and close-date changes,
 * and the rest of its audit trail (submission, review decisions, protection, win, loss).
 */
export async function opportunityTimeline(q: Db, registrationId: number): Promise<TimelineEvent[]> {
  const users = new Map((await q.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
  const by = (id: number | null) => ({ id, name: id === null ? null : (users.get(id) ?? null) });
  const events: { event: TimelineEvent; id: number }[] = [];
  const push = (event: TimelineEvent, id: number) => events.push({ event, id });

  for (const f of await listFollowUps(q, registrationId)) push({ type: 'followUp', at: f.happenedAt, by: by(f.authorId), followUp: f satisfies FollowUp }, f.id);
  const stages = await q.selectFrom('stage_history').selectAll().where('registration_id', '=', registrationId).execute();
  for (const s of stages) push({ type: 'stageChange', at: s.changed_at, by: by(s.changed_by), from: s.from_stage, to: s.to_stage }, s.id);
  const dates = await q.selectFrom('close_date_changes').selectAll().where('registration_id', '=', registrationId).execute();
  for (const d of dates) push({ type: 'closeDateChange', at: d.changed_at, by: by(d.changed_by), from: d.from_date, to: d.to_date, reason: d.reason }, d.id);
  const audit = await q
    .selectFrom('audit_log')
    .select(['id', 'at', 'user_id', 'operation', 'before', 'after'])
    .where('entity', '=', 'registration')
    .where('entity_id', '=', registrationId)
    .execute();
  for (const a of audit) {
    if (shownElsewhere.has(a.operation)) continue;
    push({ type: 'event', at: a.at, by: by(a.user_id), operation: a.operation, ...auditDetails(a.before, a.after) }, a.id);
  }
  return events
    .sort((a, b) => b.event.at.localeCompare(a.event.at) || typeRank[b.event.type] - typeRank[a.event.type] || b.id - a.id)
    .map((e) => e.event);
}
