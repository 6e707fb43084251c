import { compareCustomers } from '../src-shared/domain';
import type { Db } from '../src-main/core/db/database';
import { keysOf } from '../src-main/core/services/conflicts/customer-input';
import { claimingStatuses } from '../src-main/core/services/protection/pool';
import { probeOfRow, selectRegistrations } from '../src-main/core/services/registrations/rows';
import type { Probe } from './conflict-data';

/**
 * The baseline: the obvious conflict check without the index. It loads every registration that
 * claims its customer and compares the probe with each by the same rules (compareCustomers), which
 * means deriving each one's keys on the spot, as there is nowhere they are kept.
 */
export async function naiveMatches(q: Db, probe: Probe): Promise<number[]> {
  const keys = keysOf(probe);
  const rows = await selectRegistrations(q).where('r.status', 'in', claimingStatuses).execute();
  return rows.filter((row) => compareCustomers(keys, keysOf(probeOfRow(row))).level !== null).map((row) => row.id);
}
