import type { Page } from '@playwright/test';

/** What an end-to-end test types into the registration form; the customer name may be prefilled. */
export interface TypedRegistration {
  customerName?: string;
  contactPerson: string;
  phone: string;
  region?: string;
  needDescription: string;
  budget: string;
  /** YYYY-MM-DD */
  expectedCloseDate: string;
  stage?: 'initial_contact' | 'needs_confirmed' | 'quotation' | 'contract_signed';
}

/** Fills the registration form by its test ids, as a person would with the keyboard and mouse. */
export async function fillRegistration(page: Page, r: TypedRegistration): Promise<void> {
  if (r.customerName !== undefined) await page.getByTestId('reg-customer-name').fill(r.customerName);
  await page.getByTestId('reg-contact-person').fill(r.contactPerson);
  await page.getByTestId('reg-phone-0').fill(r.phone);
  if (r.region !== undefined) {
    await page.getByTestId('reg-region').fill(r.region);
    await page.getByTestId('reg-region').press('Escape');
  }
  await page.getByTestId('reg-need').fill(r.needDescription);
  await page.getByTestId('reg-budget').fill(r.budget);
  await page.getByTestId('reg-close-date').click();
  await page.getByTestId('reg-close-date').fill(r.expectedCloseDate);
  await page.getByTestId('reg-close-date').press('Enter');
  if (r.stage) {
    await page.getByTestId('reg-stage').click();
    await page.getByTestId(`reg-stage-option-${r.stage}`).click();
  }
}

/** A date `days` from today on this machine's calendar, as the form wants it. */
export function isoDateIn(days: number): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
