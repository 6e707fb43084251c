import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OperationName, contract } from '../../../src-shared/contract';
import type { RegistrationFieldsInput } from '../../../src-shared/contract/registrations';
import { localDate } from '../clock';
import type { Caller } from '../handler';
import { runProtectionMaintenance } from '../services/protection/maintenance';
import { actors, mayCall, sortedOperations } from './access-table';
import { exampleInput } from './examples';
import { makeSecurityFixture, type SecurityFixture, startReport } from './fixture';

/**
 * PRODUCT.md capability 2: a salesperson learns that a customer is taken and until when, never by
 * whom nor the other deal's details. A colleague's registrations, in every state, carry a unique
 * marker in each detail; the salesperson then calls every operation they may call, aimed at those
 * registrations wherever an input can aim, and no answer may contain a marker.
 */

interface Marked {
  id: number;
  customerId: number | null;
  customerName: string;
  markers: string[];
}

/** The colleague's details for registration `k`: every field a marker of its own. */
function markedFields(k: number, closeDate: string, customerName: string): { fields: RegistrationFieldsInput; markers: string[] } {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const fields: RegistrationFieldsInput = {
    customerName,
    contactPerson: `联系人CPMK${k}`,
    phones: [`1377777${pad(k, 4)}`, `0571-86${pad(k, 5)}`],
    email: `mailmk${k}@dommk${k}-example.cn`,
    region: '浙江省杭州市',
    needDescription: `NEEDMK${k}：采购 300 台服务器及五年原厂维保服务`,
    budget: 7_654_000 + k * 17,
    expectedCloseDate: closeDate,
    stage: 'needs_confirmed',
    sourceChannel: `SRCMK${k}`,
    productLine: `PRODMK${k}`,
  };
  const markers = [`CPMK${k}`, `1377777${pad(k, 4)}`, `86${pad(k, 5)}`, `mailmk${k}`, `dommk${k}`, `NEEDMK${k}`, String(7_654_000 + k * 17), `SRCMK${k}`, `PRODMK${k}`];
  return { fields, markers };
}

/** Every cell of the caller's report workbook, as text. */
async function workbookText(caller: Caller & { end(): void }, f: SecurityFixture): Promise<string> {
  try {
    let job = await startReport(f, caller);
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      job = await f.call(caller, 'report.progress', { jobId: job.jobId });
    }
    expect(job.state).toBe('done');
    const file = f.host.reportJobs.get(job.jobId, f.host.sessions.userId(caller.sessionToken())!).file;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(JSON.stringify(cell.value))));
    });
    return cells.join('\n');
  } finally {
    caller.end();
  }
}

describe("a salesperson never sees a colleague's contact details", () => {
  let f: SecurityFixture;
  const marked: Marked[] = [];
  /** Markers that are not in a registration's fields: the owner's name, justifications, reasons. */
  const otherMarkers = ['OWNERMK', 'JUSTMK', 'REASONMK', 'EXTMK', 'FOLLOWMK', 'NEXTMK', 'CLOSEMK', 'LOSTMK'];
  const allMarkers = () => [...otherMarkers, ...marked.flatMap((m) => m.markers)];

  beforeAll(async () => {
    f = await makeSecurityFixture();
    const closeDate = () => {
      const d = f.clock.now();
      d.setDate(d.getDate() + 90);
      return localDate(d);
    };
    let k = 0;
    const names = ['杭州标记甲网络有限公司', '杭州标记乙物流有限公司', '杭州标记丙建材有限公司', '杭州标记丁教育有限公司', '杭州标记戊食品有限公司', '杭州标记己电子有限公司', '杭州标记庚纺织有限公司', '杭州标记辛医药有限公司', '杭州标记壬能源有限公司', '杭州标记癸茶业有限公司', '宁波标记子机械有限公司', '宁波标记丑酒店有限公司', '宁波标记寅家具有限公司'];
    const submit = async (extra: { justification?: string; name?: string } = {}) => {
      const { fields, markers } = markedFields(++k, closeDate(), extra.name ?? names[k - 1]!);
      const r = await f.call(f.wang, 'registrations.submit', { fields, ...(extra.justification ? { conflictJustification: extra.justification } : {}) });
      marked.push({ id: r.registration.id, customerId: r.registration.customerId, customerName: fields.customerName, markers });
      return r.registration;
    };

    // The owner's name is a marker too: "not by whom".
    const users = await f.call(f.admin, 'users.list', { includeInactive: true });
    const wang = users.find((u) => u.id === f.userIds.colleague)!;
    await f.call(f.admin, 'users.update', { id: wang.id, version: wang.version, displayName: '王芳OWNERMK' });

    // In the pool: approved, then expired.
    const pooled = await submit();
    await f.call(f.zhao, 'registrations.approve', { id: pooled.id });
    f.clock.advanceDays(91);
    await runProtectionMaintenance(f.host.requireDb());

    // A draft, a withdrawn one, a pending one, a protected one with an extension request.
    const draft = markedFields(++k, closeDate(), names[k - 1]!);
    const saved = await f.call(f.wang, 'registrations.saveDraft', { fields: draft.fields });
    marked.push({ id: saved.id, customerId: null, customerName: draft.fields.customerName, markers: draft.markers });
    const withdrawn = await submit();
    await f.call(f.wang, 'registrations.withdraw', { id: withdrawn.id, version: withdrawn.version });
    await submit();
    const approved = await submit();
    await f.call(f.zhao, 'registrations.approve', { id: approved.id });
    await f.call(f.wang, 'protection.requestExtension', { registrationId: approved.id, reason: '客户预算审批延迟 EXTMK' });

    // Returned and rejected with reasons.
    const returned = await submit();
    await f.call(f.zhao, 'review.decide', { id: returned.id, version: returned.version, decision: 'return', reason: '请补充 REASONMK 信息', checklist: [] });
    const rejected = await submit();
    await f.call(f.zhao, 'review.decide', { id: rejected.id, version: rejected.version, decision: 'reject', reason: '重复报备 REASONMK', checklist: [] });

    // Conflicts with the salesperson: one where the colleague came second (pending adjudication), one
    // adjudicated in the salesperson's favour, one where the colleague came first.
    const liFirst = await f.call(f.li, 'registrations.submit', { fields: f.customer(40) });
    await submit({ name: liFirst.registration.customerName, justification: '客户指定由我对接 JUSTMK' });
    const liKept = await f.call(f.li, 'registrations.submit', { fields: f.customer(41) });
    const lost = await submit({ name: liKept.registration.customerName, justification: '客户指定由我对接 JUSTMK' });
    // The adjudication's reason goes to both sides on purpose (the reviewer writes it for both), so it
    // carries no marker.
    await f.call(f.zhao, 'review.adjudicate', { keepId: liKept.registration.id, otherId: lost.id, otherDecision: 'return', reason: '客户书面确认由李雷对接' });
    const wangFirst = await submit();
    await f.call(f.zhao, 'registrations.approve', { id: wangFirst.id });

    // Worked on, won and lost: follow-ups, a moved close date, a loss with a comment.
    await f.call(f.wang, 'followups.add', { registrationId: wangFirst.id, kind: 'call', content: '电话沟通 FOLLOWMK', nextAction: '约见 NEXTMK', nextDueDate: closeDate() });
    const moved = await f.call(f.wang, 'registrations.changeCloseDate', { id: wangFirst.id, version: await f.version(wangFirst.id), expectedCloseDate: closeDate(), reason: '客户推迟 CLOSEMK' });
    await f.call(f.wang, 'registrations.changeStage', { id: moved.id, version: moved.version, stage: 'quotation' });
    const won = await submit();
    await f.call(f.zhao, 'registrations.approve', { id: won.id });
    await f.call(f.wang, 'registrations.markWon', { id: won.id, version: await f.version(won.id), finalAmount: 7_777_001, wonDate: localDate(f.clock.now()) });
    const lostOne = await submit();
    await f.call(f.zhao, 'registrations.approve', { id: lostOne.id });
    await f.call(f.wang, 'registrations.markLost', { id: lostOne.id, version: await f.version(lostOne.id), reason: '价格过高', comment: '客户选择了竞争对手 LOSTMK' });
  });
  afterAll(async () => {
    await f?.close();
  });

  /** The salesperson's own registrations: those in conflict with the colleague's may carry traces of them. */
  let ownIds: number[] = [];

  /**
   * Inputs that aim at the colleague's registrations (and the salesperson's own, conflicting ones):
   * every id and every search field, substituted.
   */
  function aimed(example: unknown): unknown[] {
    const registrationIds = [...marked.map((m) => m.id), ...ownIds];
    const customerIds = marked.map((m) => m.customerId).filter((id): id is number => id !== null);
    const ids = [...new Set([...registrationIds, ...customerIds])];
    const out: unknown[] = [];
    const visit = (value: unknown, replace: (next: unknown) => unknown) => {
      if (Array.isArray(value)) {
        if (value.every((v) => typeof v === 'number')) out.push(replace(ids));
        value.forEach((v, i) => visit(v, (next) => replace(value.map((old, j) => (j === i ? next : old)))));
      } else if (value !== null && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          const put = (next: unknown) => replace({ ...value, [key]: next });
          if (key === 'scope' && v === 'mine') out.push(put('team'));
          if (key === 'filters') out.push(put({ ...(v as object), ownerIds: [f.userIds.colleague] }), put({ ...(v as object), ownerIds: [f.userIds.sales, f.userIds.colleague] }));
          if (typeof v === 'number' && /(^id$|Id$)/.test(key)) for (const id of ids) out.push(put(id));
          else if (typeof v === 'string' && /^(search|customerName)$/.test(key)) for (const m of marked) out.push(put(m.customerName), put(m.markers[0]));
          else visit(v, put);
        }
      }
    };
    visit(example, (next) => next);
    return out;
  }

  it('through any operation the salesperson may call', { timeout: 120_000 }, async () => {
    const seen: { op: string; input: unknown; answer: string }[] = [];
    const ask = async (op: OperationName | string, input: unknown) => {
      const caller = f.sessionCaller('sales');
      const result = await f.dispatch(caller, op, input);
      caller.end();
      seen.push({ op, input, answer: JSON.stringify(result) });
      return result;
    };

    ownIds = (await f.call(f.li, 'registrations.list', { scope: 'mine', limit: 500 })).items.map((r) => r.id);
    const callable = sortedOperations().filter((name) => mayCall(contract[name].access, 'sales'));
    for (const name of callable) {
      const example = await exampleInput(name, f, 'sales');
      for (const input of [example, ...aimed(example)]) await ask(name, input);
    }
    // Aimed by hand where a probe, not an id, reaches the other deal.
    for (const m of marked) {
      const [, mobile, landline, mailLocal, mailDomain] = m.markers;
      await ask('conflicts.check', { customerName: m.customerName, phones: [mobile, `0571-${landline}`], email: `${mailLocal}@${mailDomain}-example.cn` });
      await ask('conflicts.check', { customerName: '', phones: [mobile] });
      await ask('conflicts.check', { customerName: '', email: `someone@${mailDomain}-example.cn` });
      const mine = f.customer(60 + marked.indexOf(m), { customerName: m.customerName });
      await ask('registrations.submit', { fields: mine });
      await ask('registrations.submit', { fields: mine, conflictJustification: '客户主动联系我，需要跟进' });
      await ask('registrations.get', { id: m.id });
    }
    await ask('pool.claim', { customerId: marked[0]!.customerId, fields: f.customer(80, { customerName: marked[0]!.customerName }) });
    for (let id = 1; id <= Math.max(...marked.map((m) => m.id)) + 5; id++) await ask('registrations.get', { id });
    await ask('registrations.list', { scope: 'mine', limit: 500 });
    await ask('notifications.list', { limit: 200 });
    // The Excel export: what the workbook holds, not only what the job's progress says.
    seen.push({ op: 'report.start (workbook)', input: {}, answer: await workbookText(f.sessionCaller('sales'), f) });

    const leaks = seen.flatMap(({ op, input, answer }) =>
      allMarkers()
        .filter((marker) => answer.includes(marker))
        .map((marker) => `${op} ${JSON.stringify(input).slice(0, 120)} → ${marker}`),
    );
    console.log(`contact details: ${seen.length} answers to the salesperson checked for ${allMarkers().length} markers`);
    expect(leaks).toEqual([]);
    // The sweep reached every operation it could, and the answers were about the colleague's customers.
    expect(new Set(seen.map((s) => s.op))).toEqual(new Set([...callable, 'conflicts.check', 'registrations.submit', 'registrations.get', 'pool.claim', 'report.start (workbook)']));
    const blocked = seen.filter((s) => s.op === 'conflicts.check' && s.answer.includes('"level":"block"'));
    expect(blocked.length).toBeGreaterThanOrEqual(5);
  });

  it('while a reviewer does see them, so the markers are where the test looks', async () => {
    const inFunnel = marked[4]!; // the approved one: a workbook lists what is in the funnel
    const workbook = await workbookText(f.sessionCaller('reviewer'), f);
    for (const marker of inFunnel.markers) expect(workbook).toContain(marker);
    const m = marked[3]!;
    const check = JSON.stringify(await f.call(f.zhao, 'conflicts.check', { customerName: m.customerName }));
    expect(check).toContain(m.markers[0]);
    expect(check).toContain('OWNERMK');
    const own = JSON.stringify(await f.call(f.wang, 'registrations.get', { id: m.id }));
    for (const marker of m.markers) expect(own).toContain(marker);
  });

  it('and the answer for a taken customer is the same whoever holds it', async () => {
    const m = marked[3]!;
    const probe = { customerName: m.customerName };
    const caller = f.sessionCaller('sales');
    const result = await f.dispatch(caller, 'conflicts.check', probe);
    caller.end();
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const report = result.data as { matches: Record<string, unknown>[] };
    for (const match of report.matches) expect(Object.keys(match).sort()).toEqual(['level', 'protectedUntil', 'registrationId', 'signals', 'state']);
    expect(actors).toContain('sales');
  });
});
