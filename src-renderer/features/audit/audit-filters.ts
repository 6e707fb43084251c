import type { Dayjs } from 'dayjs';
import type { InputOf } from '../../../src-shared/contract';

export interface AuditFilterValues {
  entity: string | undefined;
  userId: number | undefined;
  operation: string;
  /** Whole days on this PC's calendar, both included. */
  days: [Dayjs, Dayjs] | null;
}

export const noAuditFilters: AuditFilterValues = { entity: undefined, userId: undefined, operation: '', days: null };

/** The filters as audit.list takes them; a day range becomes instants from its first midnight to the one after its last. */
export function auditListInput(filters: AuditFilterValues, page: number, pageSize: number): InputOf<'audit.list'> {
  const operation = filters.operation.trim();
  return {
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.userId !== undefined ? { userId: filters.userId } : {}),
    ...(operation ? { operation } : {}),
    ...(filters.days
      ? { from: filters.days[0].startOf('day').toISOString(), to: filters.days[1].add(1, 'day').startOf('day').toISOString() }
      : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}
