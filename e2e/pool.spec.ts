import { expect, test } from './fixtures';
import { addPeople, seedRegistration, signInAs } from './seed/office';
import { people, seededCustomers } from './seed/people';
import { fillRegistration, isoDateIn } from './seed/registration-form';

test('a customer whose protection expired is claimed from the pool by another salesperson; the former owner cools down', async ({ host, page }) => {
  // Three users added by the CLI and a seeding process, each its own Node start, come before the page.
  test.slow();
  addPeople(host, people.li, people.wang, people.zhao);
  const expired = seedRegistration(host, 'expired');
  const customer = seededCustomers.expired;

  // The former owner may not take it straight back.
  await signInAs(page, host, people.li);
  await page.getByTestId('nav-pool').click();
  await expect(page.getByTestId(`pool-customer-${expired.customerId}`)).toHaveText(customer.customerName);
  await expect(page.getByTestId(`pool-cooldown-${expired.customerId}`)).toHaveText(`冷静期至 ${isoDateIn(30)}`);
  await expect(page.getByTestId(`pool-claim-${expired.customerId}`)).toBeDisabled();
  await page.getByTestId('signout').click();

  await signInAs(page, host, people.wang);
  await page.getByTestId('nav-pool').click();
  await page.getByTestId('pool-search').fill('云帆');
  // The pool knows the customer's region by its conflict key (杭州 for 浙江省杭州市); the claim starts from it.
  const region = await page.getByTestId(`pool-region-${expired.customerId}`).textContent();
  expect(customer.region).toContain(region);
  await page.getByTestId(`pool-claim-${expired.customerId}`).click();
  const drawer = page.getByTestId('pool-claim-drawer');
  await expect(drawer.getByTestId('reg-customer-name')).toHaveValue(customer.customerName);
  await expect(drawer.getByTestId('reg-region')).toHaveValue(region ?? '');
  // The released customer claims nothing any more, so the claim is no conflict.
  await expect(drawer.getByTestId('conflict-none')).toBeVisible();
  await fillRegistration(page, {
    contactPerson: '吴主任',
    phone: '0571-88886666',
    needDescription: '机房改造二期：新增 20 台服务器及备份系统',
    budget: '650000',
    expectedCloseDate: isoDateIn(60),
    stage: 'needs_confirmed',
  });
  await drawer.getByTestId('reg-submit').click();
  await expect(drawer.getByTestId('reg-result-status')).toHaveText('待审核');
  const claim = await drawer.getByTestId('reg-result').getAttribute('data-registration-id');

  await drawer.getByTestId('reg-result-open-list').click();
  await expect(page.getByTestId(`opp-customer-${claim}`)).toHaveText(customer.customerName);
  await expect(page.getByTestId(`opp-status-${claim}`)).toHaveText('待审核');
  await page.getByTestId('nav-pool').click();
  await expect(page.getByTestId('pool-table')).toBeVisible();
  await expect(page.getByTestId(`pool-row-${expired.customerId}`)).toHaveCount(0);
});
