import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OperationName, contract, operationNames } from '../../../src-shared/contract';
import { createDispatcher } from '../dispatch';
import type { HandlerContext, Handlers } from '../handler';
import { handlers } from '../handlers';
import { errorOf } from '../testing/office';
import { makeCaller, makeTestHost } from '../testing/test-host';
import { accessTableMarkdown, actors, type Actor, generatedPart, mayCall, sortedOperations } from './access-table';
import { exampleInput, operationsWithoutExample } from './examples';
import { makeSecurityFixture, type SecurityFixture } from './fixture';

const docFile = path.join(__dirname, '..', '..', '..', 'docs', 'SECURITY.md');

/**
 * FORBIDDEN answers a caller the table allows may still get, from a rule inside the handler that is
 * finer than a role: each is documented in docs/SECURITY.md ("Rules finer than the table").
 */
const handlerRefusals: Partial<Record<OperationName, string[]>> = {
  // The browser host and the CLI are given their database; only Electron's first-run wizard chooses one.
  'setup.useDatabase': ['error.cannotChooseDatabase'],
  'setup.browse': ['error.cannotChooseDatabase'],
};

describe('the role table', () => {
  it('has an example input for every operation of the contract', () => {
    expect(operationsWithoutExample(operationNames), 'add them to src-main/core/security/examples.ts').toEqual([]);
  });

  it('in docs/SECURITY.md is the one the contract gives', () => {
    const current = generatedPart(fs.readFileSync(docFile, 'utf8'));
    expect(current, 'run: node --import tsx scripts/security-table.ts --write').toBe(accessTableMarkdown());
  });

  it('gives every operation an access rule the dispatcher understands', () => {
    for (const name of operationNames) {
      const access = contract[name].access;
      expect(access === 'public' || access === 'signedIn' || (Array.isArray(access) && access.length > 0), name).toBe(true);
    }
  });
});

describe('the dispatcher enforces the table', () => {
  let f: SecurityFixture;
  const reached: string[] = [];
  let dispatch: ReturnType<typeof createDispatcher>;
  const unexpected: unknown[] = [];

  beforeAll(async () => {
    f = await makeSecurityFixture();
    // The real dispatcher over the real handlers, each noting that it ran: "allowed" means the call
    // reached the handler, "refused" that it did not.
    const noting = Object.fromEntries(
      Object.entries(handlers).map(([name, handler]) => [
        name,
        (input: unknown, ctx: HandlerContext) => {
          reached.push(name);
          return (handler as (i: unknown, c: HandlerContext) => Promise<unknown>)(input, ctx);
        },
      ]),
    ) as unknown as Handlers;
    dispatch = createDispatcher(f.host, noting, { logError: (e) => unexpected.push(e) });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('lets exactly the roles of the table reach each handler, and refuses the others before it runs', async () => {
    const observed = new Map<string, Record<Actor, boolean>>();
    const problems: string[] = [];
    // Callers with less access first, so a successful call by the admin cannot change what they see.
    for (const name of sortedOperations()) {
      const row = {} as Record<Actor, boolean>;
      for (const actor of actors) {
        const caller = f.sessionCaller(actor);
        reached.length = 0;
        const result = await dispatch(caller, name, await exampleInput(name, f, actor));
        caller.end();
        const ran = reached.includes(name);
        row[actor] = ran;
        const allowed = mayCall(contract[name].access, actor);
        const where = `${name} as ${actor}`;
        if (allowed) {
          if (!ran) problems.push(`${where}: allowed, but the handler did not run (${result.ok ? 'ok' : result.error.code})`);
          if (!result.ok && result.error.code === 'UNAUTHENTICATED' && actor !== 'anonymous') problems.push(`${where}: UNAUTHENTICATED`);
          if (!result.ok && result.error.code === 'FORBIDDEN' && !handlerRefusals[name]?.includes(result.error.key))
            problems.push(`${where}: allowed, but FORBIDDEN (${result.error.key})`);
          if (!result.ok && result.error.code === 'INTERNAL') problems.push(`${where}: INTERNAL`);
        } else {
          const expected = actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
          if (ran) problems.push(`${where}: not allowed, but the handler ran`);
          if (result.ok || result.error.code !== expected) problems.push(`${where}: expected ${expected}, got ${result.ok ? 'ok' : result.error.code}`);
        }
      }
      observed.set(name, row);
    }
    expect(problems).toEqual([]);
    expect(unexpected).toEqual([]);
    // The table the calls prove, written the way the document writes it.
    const provedTable = accessTableMarkdown().replace(/^\| `([^`]+)` \|((?: [^|]+ \|){4})/gm, (_whole, name: string) => {
      const row = observed.get(name)!;
      return `| \`${name}\` |${actors.map((a) => ` ${row[a] ? '✓' : '—'} |`).join('')}`;
    });
    expect(provedTable).toBe(generatedPart(fs.readFileSync(docFile, 'utf8')));
  });
});

describe('rules finer than the table', () => {
  let f: SecurityFixture;
  beforeAll(async () => {
    f = await makeSecurityFixture();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('a salesperson lists only their own registrations and cannot ask for the team', async () => {
    expect(await errorOf(f.call(f.li, 'registrations.list', { scope: 'team' }))).toMatchObject({ code: 'FORBIDDEN' });
    const mine = await f.call(f.li, 'registrations.list', { scope: 'mine', limit: 500 });
    expect(new Set(mine.items.map((r) => r.ownerId))).toEqual(new Set([f.userIds.sales]));
    const team = await f.call(f.zhao, 'registrations.list', { scope: 'team', limit: 500 });
    expect(new Set(team.items.map((r) => r.ownerId)).size).toBeGreaterThan(1);
  });

  it("someone else's registration is NOT_FOUND to a salesperson and not theirs to edit for a reviewer", async () => {
    const othersId = f.own.reviewer.draft;
    const version = await f.version(othersId);
    for (const call of [
      f.call(f.li, 'registrations.get', { id: othersId }),
      f.call(f.li, 'registrations.saveDraft', { id: othersId, version, fields: { customerName: '改别人的' } }),
      f.call(f.li, 'registrations.discard', { id: othersId, version }),
      f.call(f.li, 'registrations.withdraw', { id: f.own.reviewer.submitted, version: await f.version(f.own.reviewer.submitted) }),
      f.call(f.li, 'protection.requestExtension', { registrationId: f.own.reviewer.approved, reason: '替别人申请延期' }),
    ]) {
      expect(await errorOf(call)).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await errorOf(f.call(f.zhao, 'registrations.discard', { id: f.own.sales.spareDraft, version: await f.version(f.own.sales.spareDraft) }))).toMatchObject({
      code: 'FORBIDDEN',
      key: 'error.notYours',
    });
  });

  it('nobody reviews, adjudicates or extends their own registration', async () => {
    const own = await f.call(f.zhao, 'registrations.submit', { fields: f.customer(30) });
    expect(await errorOf(f.call(f.zhao, 'registrations.approve', { id: own.registration.id }))).toMatchObject({ code: 'FORBIDDEN', key: 'error.ownRegistration' });
    const bulk = await f.call(f.zhao, 'review.bulkApprove', { ids: [own.registration.id] });
    expect(bulk).toEqual({ approved: [], skipped: [{ id: own.registration.id, key: 'error.ownRegistration' }] });
    const request = await f.call(f.zhao, 'protection.requestExtension', { registrationId: f.own.reviewer.approved, reason: '自己的保护期延期' });
    expect(await errorOf(f.call(f.zhao, 'protection.decideExtension', { requestId: request.requestId, approve: true }))).toMatchObject({
      code: 'FORBIDDEN',
      key: 'error.ownRegistration',
    });
  });

  it('marks only the caller’s own notifications as read', async () => {
    const others = await f.call(f.zhao, 'notifications.list', { unreadOnly: true });
    expect(others.unread).toBeGreaterThan(0);
    await f.call(f.li, 'notifications.markRead', { ids: others.items.map((n) => n.id) });
    expect((await f.call(f.zhao, 'notifications.list', { unreadOnly: true })).unread).toBe(others.unread);
  });

  it('a role change or a deactivation takes effect on the very next call of a session already open', async () => {
    const victim = await f.signIn(f.victim.username, f.victim.password);
    expect((await f.call(victim, 'auth.session', {})).user?.role).toBe('sales');
    const users = await f.call(f.admin, 'users.list', { includeInactive: true });
    const row = users.find((u) => u.id === f.userIds.victim)!;
    const promoted = await f.call(f.admin, 'users.update', { id: row.id, version: row.version, role: 'reviewer' });
    expect((await f.call(victim, 'review.pendingCount', {})).count).toBeGreaterThan(0);
    const demoted = await f.call(f.admin, 'users.update', { id: row.id, version: promoted.version, role: 'sales' });
    expect(await errorOf(f.call(victim, 'review.pendingCount', {}))).toMatchObject({ code: 'FORBIDDEN' });
    await f.call(f.admin, 'users.update', { id: row.id, version: demoted.version, active: false });
    expect(await errorOf(f.call(victim, 'registrations.list', {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await f.call(victim, 'auth.session', {})).user).toBeNull();
    expect(await errorOf(f.signIn(f.victim.username, f.victim.password))).toMatchObject({ code: 'FORBIDDEN', key: 'error.inactiveUser' });
  });

  it('the last active administrator cannot be demoted or deactivated, nor anyone deactivate themselves', async () => {
    const users = await f.call(f.admin, 'users.list', { includeInactive: true });
    const admin = users.find((u) => u.id === f.userIds.admin)!;
    expect(await errorOf(f.call(f.admin, 'users.update', { id: admin.id, version: admin.version, role: 'sales' }))).toMatchObject({ key: 'error.lastAdmin' });
    expect(await errorOf(f.call(f.admin, 'users.update', { id: admin.id, version: admin.version, active: false }))).toMatchObject({ key: 'error.selfDeactivate' });
  });

  it('after the first run, only an administrator may choose another database (Electron, where it can be chosen at all)', async () => {
    const t = await makeTestHost({ host: { canChooseDatabase: true, browse: async () => null } });
    try {
      await t.call(t.admin, 'users.create', { username: 'li', displayName: '李雷', role: 'sales', password: 'li-password' });
      const li = await t.signIn('li', 'li-password');
      for (const caller of [makeCaller(), li]) {
        expect(await errorOf(t.call(caller, 'setup.browse', { kind: 'open' }))).toMatchObject({ code: 'FORBIDDEN' });
        expect(await errorOf(t.call(caller, 'setup.useDatabase', { mode: 'createLocal' }))).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect(await t.call(t.admin, 'setup.browse', { kind: 'open' })).toEqual({ path: null });
    } finally {
      await t.close();
    }
  });
});
