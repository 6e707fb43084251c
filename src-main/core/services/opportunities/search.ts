import { type Expression, type SqlBool, sql } from 'kysely';
import type { SessionUser } from '../../../../src-shared/contract';
import type { OpportunityFilters, opportunityStatuses } from '../../../../src-shared/contract/followups';
import type { Stage } from '../../../../src-shared/contract/registrations';
import { containsText } from '../../db/text-search';
import { resolveScope, rb, scopeCondition } from './scope';

export interface SearchRequest extends OpportunityFilters {
  scope: 'mine' | 'team';
  statuses?: (typeof opportunityStatuses)[number][] | undefined;
  stages?: Stage[] | undefined;
  search?: string | undefined;
}

/**
 * What a typed search matches: the customer's name, its pinyin (initials or spelling, stored by the
 * schema's trigger, so "xckj" and "xingchen" find 星辰科技), the contact person, or a phone number.
 * Text inside a name cannot use an index's order, so the match runs over `registrations_search`, an
 * index holding just these columns, instead of the whole rows.
 */
function matches(text: string): Expression<SqlBool> {
  const either: Expression<SqlBool>[] = [containsText('s.customer_name', text), containsText('s.contact_person', text)];
  const latin = text.toLowerCase().replace(/[\s'-]/g, '');
  if (/^[a-z0-9]+$/.test(latin)) either.push(containsText('s.customer_pinyin', latin));
  const digits = text.replace(/[\s-]/g, '');
  if (/^\d{3,}$/.test(digits)) either.push(containsText('s.phones', digits));
  return sql<SqlBool>`r.id IN (SELECT s.id FROM registrations AS s WHERE ${sql.join(either, sql` OR `)})`;
}

/** The list's condition: the caller's scope and filters; drafts are never opportunities. */
export function searchCondition(viewer: SessionUser, req: SearchRequest): Expression<SqlBool> {
  const eb = rb();
  const scope = resolveScope(viewer, req, req.scope === 'team');
  const parts: Expression<SqlBool>[] = [scopeCondition(scope), eb('r.status', '!=', 'draft')];
  if (req.statuses?.length) parts.push(eb('r.status', 'in', req.statuses));
  if (req.stages?.length) parts.push(eb('r.stage', 'in', req.stages));
  if (req.search) parts.push(matches(req.search));
  return eb.and(parts);
}
