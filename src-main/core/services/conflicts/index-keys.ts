import type { Db } from '../../db/database';
import { keysOf } from './customer-input';
import { storedGrams, storedKeyRows } from './stored-keys';
import type { ConflictProbe } from '../../../../src-shared/contract/registrations';

/**
 * Puts a registration into the conflict index: it now claims its customer. Called when it is
 * submitted; re-indexing replaces what was there.
 */
export async function indexRegistration(q: Db, registrationId: number, customer: Omit<ConflictProbe, 'excludeRegistrationId'>): Promise<void> {
  await unindexRegistration(q, registrationId);
  const keys = keysOf(customer);
  await q
    .insertInto('registration_keys')
    .values(storedKeyRows(keys).map((k) => ({ registration_id: registrationId, ...k })))
    .execute();
  if (keys.grams.length > 0) await q.insertInto('registration_grams').values(storedGrams(keys).map((gram) => ({ registration_id: registrationId, gram }))).execute();
  await q.updateTable('registrations').set({ gram_count: keys.grams.length }).where('id', '=', registrationId).execute();
}

/** Takes a registration out of the index when it stops claiming: withdrawn, rejected, lost, expired. */
export async function unindexRegistration(q: Db, registrationId: number): Promise<void> {
  await q.deleteFrom('registration_keys').where('registration_id', '=', registrationId).execute();
  await q.deleteFrom('registration_grams').where('registration_id', '=', registrationId).execute();
}
