import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { baobei, data, failure, officeWithSubmissions, passwordOf } from './testing/child';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function office() {
  const made = await officeWithSubmissions();
  dir = made.dir;
  const as = (user: string, args: string[]) => baobei([...args, '--db', made.dbFile, '--as', user], passwordOf(user));
  return { ...made, as };
}

describe('baobei review', () => {
  it('lists the queue oldest first, with the automatic checks', async () => {
    const { as, ids } = await office();
    const queue = data(as('zhao', ['review', 'list'])) as { id: number; ownerName: string; checksPassed: boolean; failedCriteria: string[] }[];
    expect(queue.map((i) => i.id)).toEqual([ids.clean, ids.vague, ids.other]);
    expect(queue[0]).toMatchObject({ ownerName: '李雷', checksPassed: true });
    expect(queue[1]).toMatchObject({ checksPassed: false, failedCriteria: ['needClear'] });
  });

  it('approves confirming the checklist; a failed check needs --override-comment, or the server refuses it', async () => {
    const { as, ids } = await office();
    expect(data(as('zhao', ['review', 'approve', String(ids.clean), '--comment', '客户已确认预算']))).toMatchObject({ id: ids.clean, status: 'approved', decisionReason: '客户已确认预算' });

    const refused = failure(as('zhao', ['review', 'approve', String(ids.vague)]));
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['checklist', 1, 'comment'], key: 'v.overrideComment' }] } });
    expect(data(as('zhao', ['review', 'approve', String(ids.vague), '--override-comment', '电话确认：采购 30 套软件']))).toMatchObject({ status: 'approved' });
    expect(data(as('zhao', ['review', 'list']))).toEqual([expect.objectContaining({ id: ids.other })]);
  });

  it('returns and rejects with a reason, which is required', async () => {
    const { as, ids } = await office();
    expect(data(as('zhao', ['review', 'return', String(ids.clean), '--reason', '请补充联系人职务']))).toMatchObject({ status: 'returned', decisionReason: '请补充联系人职务' });
    expect(data(as('admin', ['review', 'reject', String(ids.vague), '--reason', '需求不明确，客户无采购计划']))).toMatchObject({ status: 'rejected' });
    const noReason = as('zhao', ['review', 'reject', String(ids.other)]);
    expect(noReason.status).toBe(2);
    expect(failure(noReason).message).toContain('--reason');
    // A decided registration is not decided again.
    expect(failure(as('zhao', ['review', 'approve', String(ids.clean)])).code).toBe('CONFLICT');
  });

  it('answers a salesperson FORBIDDEN on every review command and changes nothing', async () => {
    const { as, ids } = await office();
    for (const args of [['review', 'list'], ['review', 'approve', String(ids.clean)], ['review', 'return', String(ids.clean), '--reason', '自己退回'], ['review', 'reject', String(ids.clean), '--reason', '自己驳回']]) {
      const run = as('wang', args);
      expect(failure(run), args.join(' ')).toMatchObject({ code: 'FORBIDDEN' });
      expect(run.stdout).toBe('');
    }
    expect((data(as('zhao', ['review', 'list'])) as unknown[]).length).toBe(3);
  });
});
