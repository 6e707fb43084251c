import { expect, test } from './fixtures';
import { addPeople, seedRegistration, signInAs } from './seed/office';
import { people, seededCustomers } from './seed/people';
import { fillRegistration, isoDateIn } from './seed/registration-form';

test('a salesperson sees the live conflict without the colleague’s deal, justifies and submits; a clean customer goes straight through', async ({ host, page }) => {
  // Three users added by the CLI and a seeding process, each its own Node start, come before the page.
  test.slow();
  addPeople(host, people.li, people.wang, people.zhao);
  const colleagues = seedRegistration(host, 'approved');
  await signInAs(page, host, people.wang);

  // 登记 is the first page; the same company written another way is the colleague's customer.
  await expect(page.getByTestId('reg-customer-name')).toBeFocused();
  await page.getByTestId('reg-customer-name').fill('星辰科技（深圳）有限公司');
  const match = page.getByTestId(`conflict-match-${colleagues.registrationId}`);
  await expect(match.getByTestId(`conflict-holder-${colleagues.registrationId}`)).toHaveText(`已被同事报备保护，至 ${colleagues.protectedUntil}`);
  await expect(match).toHaveAttribute('data-level', 'block');
  const panel = page.getByTestId('conflict-panel');
  for (const secret of [people.li.displayName, seededCustomers.approved.contactPerson, seededCustomers.approved.phone, seededCustomers.approved.customerName]) {
    await expect(panel).not.toContainText(secret);
  }
  await expect(page.getByTestId(`conflict-other-${colleagues.registrationId}`)).toHaveCount(0);

  await fillRegistration(page, {
    contactPerson: '刘经理',
    phone: '0755-86001234',
    region: '广东省深圳市',
    needDescription: '采购 120 台笔记本电脑，含三年上门维保服务',
    budget: '96万',
    expectedCloseDate: isoDateIn(45),
    stage: 'quotation',
  });
  await expect(page.getByTestId('reg-budget-hint')).toHaveText('约 96 万元');
  await page.getByTestId('reg-justification').fill('客户采购部主动联系我，原负责人三个月未跟进');
  await page.getByTestId('reg-submit').click();
  await expect(page.getByTestId('reg-result-status')).toHaveText('待审核');
  await expect(page.getByTestId('reg-result-adjudication')).toBeVisible();
  const disputed = await page.getByTestId('reg-result').getAttribute('data-registration-id');

  await page.getByTestId('reg-result-open-list').click();
  await expect(page.getByTestId(`opp-status-${disputed}`)).toHaveText('待审核');
  await expect(page.getByTestId(`opp-customer-${disputed}`)).toHaveText('星辰科技（深圳）有限公司');

  // A customer nobody holds: no conflict, no justification, straight to review.
  await page.getByTestId('nav-register').click();
  await fillRegistration(page, {
    customerName: '苏州启明软件有限公司',
    contactPerson: '孙总',
    phone: '13912340000',
    needDescription: '为研发中心采购 30 套正版设计软件授权',
    budget: '450000',
    expectedCloseDate: isoDateIn(90),
  });
  await expect(page.getByTestId('conflict-none')).toBeVisible();
  await expect(page.getByTestId('reg-justification')).toHaveCount(0);
  await page.getByTestId('reg-need').press('Control+Enter');
  await expect(page.getByTestId('reg-result-status')).toHaveText('待审核');
  await expect(page.getByTestId('reg-result-adjudication')).toHaveCount(0);
  const clean = await page.getByTestId('reg-result').getAttribute('data-registration-id');

  await page.getByTestId('reg-result-open-list').click();
  await expect(page.getByTestId(`opp-status-${clean}`)).toHaveText('待审核');
  await expect(page.getByTestId(`opp-status-${disputed}`)).toHaveText('待审核');
});
