/**
 * Seeds a registration of 李雷's into an end-to-end test's database, through the real core (AppHost,
 * dispatcher, services) on the database file the browser host has open:
 *
 *   node --import tsx e2e/seed/registrations.ts <db> approved   approved today, protected 90 days
 *   node --import tsx e2e/seed/registrations.ts <db> expired    approved 120 days ago, released to the pool now
 *
 * The users of e2e/seed/people.ts must exist. Prints one JSON line: the registration's id, its
 * customer's id and its protectedUntil (YYYY-MM-DD) as the approval set it.
 */
import path from 'node:path';
import type { InputOf, OperationName, OutputOf } from '../../src-shared/contract';
import { MemorySettingsStore } from '../../src-main/cli/memory-settings';
import { createDispatcher } from '../../src-main/core/dispatch';
import { handlers } from '../../src-main/core/handlers';
import { AppHost } from '../../src-main/core/host/app-host';
import { runProtectionMaintenance } from '../../src-main/core/services/protection/maintenance';
import { ManualClock } from '../../src-main/core/testing/office';
import { makeCaller } from '../../src-main/core/testing/test-host';
import { type Person, type Scenario, people, seededCustomers } from './people';

const [dbFile, scenario] = process.argv.slice(2) as [string | undefined, Scenario | undefined];
if (!dbFile || !scenario || !(scenario in seededCustomers)) {
  process.stderr.write('usage: registrations.ts <db> approved|expired\n');
  process.exit(2);
}

const daysMs = 24 * 60 * 60 * 1000;
const now = new Date();
// Protection lasts 90 days: approved 120 days ago, it ran out 30 days ago.
const clock = new ManualClock(scenario === 'expired' ? new Date(now.getTime() - 120 * daysMs) : now);
const isoDateIn = (days: number) => new Date(clock.now().getTime() + days * daysMs).toISOString().slice(0, 10);

const host = new AppHost({
  settings: new MemorySettingsStore('zh-CN'),
  defaultLocalPath: null,
  canChooseDatabase: false,
  backupPolicy: () => null,
  changeFeedMs: 60_000,
  // This script decides when protections expire, by its own clock.
  maintenanceMs: 0,
  clock,
});

try {
  await host.useDatabase(path.resolve(dbFile), 'open');
  const dispatch = createDispatcher(host, handlers, { logError: (e) => console.error(e) });
  const call = async <K extends OperationName>(caller: ReturnType<typeof makeCaller>, op: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const result = await dispatch(caller, op, input);
    if (!result.ok) throw new Error(`${op}: ${result.error.code} ${result.error.message}`);
    return result.data as OutputOf<K>;
  };
  const signIn = async (person: Person) => {
    const caller = makeCaller();
    await call(caller, 'auth.signIn', { username: person.username, password: person.password });
    return caller;
  };

  const customer = seededCustomers[scenario];
  const [li, zhao] = [await signIn(people.li), await signIn(people.zhao)];
  const { registration } = await call(li, 'registrations.submit', {
    fields: {
      customerName: customer.customerName,
      contactPerson: customer.contactPerson,
      phones: [customer.phone],
      region: customer.region,
      needDescription: '采购 200 台办公电脑及三年上门维保服务',
      budget: 1_200_000,
      expectedCloseDate: isoDateIn(60),
      stage: 'needs_confirmed',
    },
  });
  const approved = await call(zhao, 'registrations.approve', { id: registration.id });
  if (scenario === 'expired') {
    clock.set(now.toISOString());
    await runProtectionMaintenance(host.requireDb());
  }
  process.stdout.write(`${JSON.stringify({ registrationId: approved.id, customerId: approved.customerId, protectedUntil: approved.protectedUntil })}\n`);
} finally {
  await host.close();
}
