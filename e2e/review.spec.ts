import type { Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { ADMIN, expect, signIn, test } from './fixtures';
import { addPeople, seedRegistration } from './seed/office';
import { people } from './seed/people';
import { fillRegistration, isoDateIn } from './seed/registration-form';

const { li, zhao } = people;

// Whole flows, with a sign-in per person: on a loaded machine they can outlast the default minute.
test.describe.configure({ timeout: 120_000 });

/** 李雷 registers a customer through the 登记 form and gets its id from the result. */
async function submitAsLi(page: Page, url: string, customerName: string, needDescription: string): Promise<string> {
  await signIn(page, url, li.username, li.password);
  await expect(page.getByTestId('reg-customer-name')).toBeFocused();
  await fillRegistration(page, {
    customerName,
    contactPerson: '孙总',
    phone: '13912340000',
    needDescription,
    budget: '450000',
    expectedCloseDate: isoDateIn(90),
  });
  await page.getByTestId('reg-submit').click();
  await expect(page.getByTestId('reg-result-status')).toHaveText('待审核');
  const id = await page.getByTestId('reg-result').getAttribute('data-registration-id');
  expect(id).toBeTruthy();
  return id ?? '';
}

async function switchUser(page: Page, url: string, person: { username: string; password: string; displayName: string }): Promise<void> {
  await page.getByTestId('signout').click();
  await expect(page.getByTestId('signin-username')).toBeVisible();
  await signIn(page, url, person.username, person.password);
  await expect(page.getByTestId('current-user')).toHaveText(person.displayName);
}

test('a salesperson submits; the reviewer finds it in the inbox and approves it with the checklist', async ({ host, page }) => {
  addPeople(host, li, zhao);
  // "具体型号待定" is vague: the automatic check of the need fails, and the reviewer overrides it.
  const id = await submitAsLi(page, host.url, '苏州启明软件有限公司', '为研发中心采购 30 套设计软件授权，具体型号待定');
  await expect(page.getByTestId('nav-review')).toHaveCount(0);

  await switchUser(page, host.url, zhao);
  await expect(page.getByTestId('nav-review-count')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('inbox-bell')).toHaveAttribute('data-unread', '1');
  await page.getByTestId('inbox-bell').click();
  const item = page.locator('[data-testid^="inbox-open-"]').first();
  await expect(item).toHaveText('李雷 提交了新的报备：苏州启明软件有限公司');
  await item.click();
  await expect(page).toHaveURL(new RegExp(`#/review/${id}$`));
  await expect(page.getByTestId('review-customer')).toHaveText('苏州启明软件有限公司');
  await expect(page.getByTestId('inbox-bell')).toHaveAttribute('data-unread', '0');

  // The vague need is pre-filled as failed, with the reason as a sentence; the rest passed.
  await expect(page.getByTestId('checklist-auto-needClear')).toContainText('需求描述含有笼统的词：待定');
  await expect(page.getByTestId('checklist-auto-customerInfo')).toContainText('自动检查：通过');
  await page.getByTestId('checklist-pass-needClear').click();
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('checklist-comment-error-needClear')).toHaveText('改变自动检查的结论时请说明理由');
  await page.getByTestId('checklist-comment-needClear').fill('电话确认：Adobe 全家桶 30 套');
  await page.getByTestId('review-approve').click();

  await expect(page).toHaveURL(/#\/review$/);
  await expect(page.getByTestId('queue-table')).toContainText('没有待审核的报备');
  await expect(page.getByTestId('nav-review-count')).toHaveAttribute('data-count', '0');

  // The salesperson learns of it in the inbox, and sees it approved on 我的商机.
  await switchUser(page, host.url, li);
  await page.getByTestId('inbox-bell').click();
  const decision = page.locator('[data-testid^="inbox-open-"]').first();
  await expect(decision).toHaveText('您的报备已通过：苏州启明软件有限公司');
  await decision.click();
  await expect(page).toHaveURL(new RegExp(`#/myOpportunities\\?id=${id}$`));
  await expect(page.getByTestId('opp-detail-status')).toHaveText('已审核');

});

test('a return with a reason, and a resubmit by the salesperson that goes back to the queue', async ({ host, page }) => {
  addPeople(host, li, zhao);
  const id = await submitAsLi(page, host.url, '无锡华光精密机械有限公司', '采购两台五轴加工中心及配套刀具、安装调试服务');

  await switchUser(page, host.url, zhao);
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId(`queue-row-${id}`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/review/${id}$`));
  // A return without a reason is refused on the reason field; then with one.
  await page.getByTestId('review-return').click();
  await expect(page.getByTestId('review-reason-error')).toHaveText('退回或驳回必须填写原因');
  await page.getByTestId('review-reason').fill('请补充联系人职务和预算来源');
  await page.getByTestId('review-return').click();
  await expect(page).toHaveURL(/#\/review$/);

  await switchUser(page, host.url, li);
  await expect(page.getByTestId('inbox-bell')).toHaveAttribute('data-unread', '1');
  await page.getByTestId('inbox-bell').click();
  const notice = page.locator('[data-testid^="inbox-open-"]').first();
  await expect(notice).toHaveText('您的报备被退回修改：无锡华光精密机械有限公司（请补充联系人职务和预算来源）');
  await notice.click();
  // The notification opens the registration on 我的商机, with the reviewer's reason.
  await expect(page).toHaveURL(new RegExp(`#/myOpportunities\\?id=${id}$`));
  const detail = page.getByTestId('opp-detail');
  await expect(detail.getByTestId('opp-detail-status')).toHaveText('退回修改');
  await expect(detail.getByTestId(`opp-reason-${id}`)).toContainText('请补充联系人职务和预算来源');

  await detail.getByTestId(`opp-edit-${id}`).click();
  const drawer = page.getByTestId('opp-edit-drawer');
  await drawer.getByTestId('reg-contact-person').fill('孙总（采购总监）');
  await drawer.getByTestId('reg-submit').click();
  await expect(detail.getByTestId('opp-detail-status')).toHaveText('待审核');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await switchUser(page, host.url, zhao);
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId(`queue-row-${id}`)).toBeVisible();
  await page.getByTestId(`queue-open-${id}`).click();
  await expect(page.getByTestId('review-history')).toContainText('请补充联系人职务和预算来源');
  await expect(page.getByTestId('review-registration')).toContainText('孙总（采购总监）');
  // Decided from the keyboard: A approves when no field has the focus.
  await page.getByTestId('review-customer').click();
  await page.keyboard.press('a');
  await expect(page).toHaveURL(/#\/review$/);
  await expect(page.getByTestId(`queue-row-${id}`)).toHaveCount(0);
});

test('the administrator browses the audit log, and its verification catches an edit made with a database tool', async ({ host, page }) => {
  addPeople(host, li, zhao);
  // Submitted, then approved: two audited changes after whatever adding the people recorded.
  const seeded = seedRegistration(host, 'approved');
  const raw = new BetterSqlite3(host.dbFile);
  const approval = raw.prepare(`SELECT id FROM audit_log WHERE operation = 'registrations.approve'`).get() as { id: number };
  const { n } = raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
  raw.close();

  await signIn(page, host.url, ADMIN.username, ADMIN.password);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('audit-open').click();
  const row = page.getByTestId(`audit-row-${approval.id}`);
  await expect(row).toContainText('registrations.approve');
  await expect(page.getByTestId(`audit-row-${approval.id - 1}`)).toContainText('registrations.submit');
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId(`audit-diff-${approval.id}`)).toContainText('"approved"');
  await expect(page.getByTestId(`audit-diff-${approval.id}`)).toContainText(seeded.protectedUntil);
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveText(`审计日志完整：共 ${n} 条，均未被改动`);

  const tool = new BetterSqlite3(host.dbFile);
  tool.prepare(`UPDATE audit_log SET operation = 'review.reject' WHERE id = ?`).run(approval.id);
  tool.close();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveText(`审计日志不完整：第一条异常记录为 #${approval.id}（记录被修改或在程序外插入）`);
});
