import BetterSqlite3 from 'better-sqlite3';
import { pinyinSearchKey } from '../src-shared/domain/text/pinyin';
import { expect, signIn, test } from './fixtures';

const demoPassword = process.env.BAOBEI_NEW_PASSWORD ?? 'demo-pass-2026';
const stageNames = { initial_contact: '初步接触', needs_confirmed: '需求确认', quotation: '报价', contract_signed: '合同签订' } as const;
type Stage = keyof typeof stageNames;

interface Opportunity {
  id: number;
  name: string;
  stage: Stage;
}

/** Open opportunities of a demo salesperson, read from the file the host serves. */
function openOpportunities(dbFile: string, username: string): Opportunity[] {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT r.id, r.customer_name AS name, r.stage FROM registrations r JOIN users u ON u.id = r.owner_id
         WHERE u.username = ? AND r.status = 'approved' AND r.stage != 'contract_signed' ORDER BY r.id`,
      )
      .all(username) as Opportunity[];
  } finally {
    db.close();
  }
}

/** Today on this machine's calendar, as the browser and the host see it. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a salesperson finds an opportunity by pinyin initials, logs a follow-up due today, sees it in 今日待办, moves its stage, and marks another one lost', async ({ host, page }) => {
  // The demo office is written by its own Node process before the page.
  test.slow();
  host.cli(['demo', '--db', host.dbFile, '--opportunities', '300', '--seed', '7']);
  const open = openOpportunities(host.dbFile, 'sales001');
  // A company name, so its initials are letters enough to pick it out among the others.
  const target = open.find((o) => pinyinSearchKey(o.name).split(' ')[0]!.length >= 6);
  if (!target) throw new Error('the demo gave sales001 no open opportunity with a company name');
  const other = open.find((o) => o.id !== target.id);
  if (!other) throw new Error('the demo gave sales001 a single open opportunity');
  const initials = pinyinSearchKey(target.name).split(' ')[0]!.slice(0, 6);

  await signIn(page, host.url, 'sales001', demoPassword);
  await page.getByTestId('nav-myOpportunities').click();
  await expect(page.getByTestId('todo-panel')).toBeVisible();
  await expect(page.locator('[data-testid^="opp-row-"]').first()).toBeVisible();
  const everything = Number(await page.getByTestId('opps-total').getAttribute('data-total'));

  // Pinyin initials find it, once typing pauses.
  await page.getByTestId('opps-search').fill(initials);
  await expect.poll(async () => Number(await page.getByTestId('opps-total').getAttribute('data-total'))).toBeLessThan(everything);
  await expect(page.getByTestId(`opp-row-${target.id}`)).toBeVisible();
  await expect(page.getByTestId(`opp-customer-${target.id}`)).toHaveText(target.name);

  // Opening it puts it in the URL, as notifications link to it.
  await page.getByTestId(`opp-row-${target.id}`).click();
  await expect(page).toHaveURL(new RegExp(`#/myOpportunities\\?id=${target.id}$`));
  const drawer = page.getByTestId('opp-detail');
  await expect(drawer).toContainText(target.name);
  await expect(page.getByTestId('opp-detail-status')).toHaveText('已审核');

  // A visit, with the next action due today, saved from the keyboard.
  await page.getByTestId('followup-kind-visit').click();
  await page.getByTestId('followup-outcome').fill('客户认可方案，要求本周内报价');
  await page.getByTestId('followup-next-action').fill('发送正式报价单');
  await page.getByTestId('followup-next-due').click();
  await page.getByTestId('followup-next-due').fill(today());
  await page.getByTestId('followup-next-due').press('Enter');
  await page.getByTestId('followup-content').fill('上门拜访采购部，演示了新版方案');
  await page.getByTestId('followup-content').press('Control+Enter');
  const newest = page.getByTestId('timeline-item-0');
  await expect(newest).toHaveAttribute('data-type', 'followUp');
  await expect(newest).toContainText('拜访');
  await expect(newest).toContainText('上门拜访采购部，演示了新版方案');
  await expect(newest).toContainText(`发送正式报价单（${today()}）`);
  await expect(page.getByTestId('followup-content')).toHaveValue('');

  // 今日待办 lists it as due today, and opens it again.
  await drawer.getByRole('button', { name: '关闭' }).click();
  await expect(page).toHaveURL(/#\/myOpportunities$/);
  const due = page.getByTestId(`todo-due-${target.id}`);
  await expect(due).toContainText(target.name);
  await expect(due).toContainText('发送正式报价单');
  await expect(page.getByTestId('todo-due').getByText('今天到期').first()).toBeVisible();
  await due.click();
  await expect(page).toHaveURL(new RegExp(`#/myOpportunities\\?id=${target.id}$`));

  // One stage further (or back from 报价), kept in the timeline.
  const next: Stage = target.stage === 'initial_contact' ? 'needs_confirmed' : target.stage === 'needs_confirmed' ? 'quotation' : 'needs_confirmed';
  await page.getByTestId('opp-move-stage').click();
  await page.getByTestId(`move-stage-${next}`).click();
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('move-modal-stage')).toBeHidden();
  await expect(page.getByTestId('opp-detail-stage')).toHaveText(stageNames[next]);
  await expect(page.getByTestId('timeline-item-0')).toHaveAttribute('data-type', 'stageChange');
  await expect(page.getByTestId('timeline-item-0')).toContainText(`${stageNames[target.stage]} → ${stageNames[next]}`);

  // Another one lost, with a reason from the office's list and a comment.
  await page.goto(`${host.url}#/myOpportunities?id=${other.id}`);
  await expect(page.getByTestId('opp-detail')).toContainText(other.name);
  await page.getByTestId('opp-move-lost').click();
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('move-modal-lost')).toContainText('请从输单原因列表中选择');
  await page.getByTestId('move-lost-reason-1').click();
  await page.getByTestId('move-lost-comment').fill('客户选择了本地供应商');
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('move-modal-lost')).toBeHidden();
  await expect(page.getByTestId('opp-detail-status')).toHaveText('输单');
  await expect(page.getByTestId('opp-detail-lost-reason')).toHaveText('选择了竞争对手');
  await expect(page.getByTestId('timeline-item-0')).toHaveAttribute('data-operation', 'registrations.markLost');
  await expect(page.getByTestId('timeline-item-0')).toContainText('选择了竞争对手');
  // Closed: no more moves.
  await expect(page.getByTestId('opp-move-stage')).toHaveCount(0);
});
