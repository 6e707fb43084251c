import type { ConflictProbe, InputOf, Registration, Stage, customerKinds } from '../../../src-shared/contract';

export type CustomerKind = (typeof customerKinds)[number];

/** What the form holds: text as typed (an empty field is ''), the close date as YYYY-MM-DD. */
export interface FormValues {
  customerName: string;
  customerKind: CustomerKind;
  contactPerson: string;
  phones: string[];
  email: string;
  uscc: string;
  region: string;
  needDescription: string;
  budget: string;
  expectedCloseDate: string;
  stage: Stage;
  sourceChannel: string;
  productLine: string;
  /** Only asked for when the customer is already claimed (a `block` match). */
  conflictJustification?: string;
}

/** What a claim from the public pool starts from. */
export interface PoolCustomer {
  customerId: number;
  customerName: string;
  customerKind: CustomerKind;
  region: string | null;
}

export const emptyValues: FormValues = {
  customerName: '',
  customerKind: 'company',
  contactPerson: '',
  // One empty row, so the first phone needs no click.
  phones: [''],
  email: '',
  uscc: '',
  region: '',
  needDescription: '',
  budget: '',
  expectedCloseDate: '',
  stage: 'initial_contact',
  sourceChannel: '',
  productLine: '',
};

export function valuesOfRegistration(r: Registration): FormValues {
  return {
    customerName: r.customerName,
    customerKind: r.customerKind,
    contactPerson: r.contactPerson,
    phones: r.phones.length > 0 ? r.phones : [''],
    email: r.email ?? '',
    uscc: r.uscc ?? '',
    region: r.region ?? '',
    needDescription: r.needDescription,
    budget: r.budget === null ? '' : String(r.budget),
    expectedCloseDate: r.expectedCloseDate ?? '',
    stage: r.stage,
    sourceChannel: r.sourceChannel ?? '',
    productLine: r.productLine ?? '',
  };
}

export function valuesOfPoolCustomer(c: PoolCustomer): FormValues {
  return { ...emptyValues, customerName: c.customerName, customerKind: c.customerKind, region: c.region ?? '' };
}

const given = (text: string | undefined): string | undefined => text?.trim() || undefined;

/** The contract's `fields` as sent; whether they are complete is for the schemas to say. */
export type FieldsInput = InputOf<'registrations.saveDraft'>['fields'];

/** The form as the contract's `fields`: blank optional fields and blank phone rows left out. */
export function fieldsOf(v: FormValues): FieldsInput {
  return {
    customerName: v.customerName ?? '',
    customerKind: v.customerKind,
    contactPerson: v.contactPerson ?? '',
    phones: (v.phones ?? []).map((p) => p?.trim() ?? '').filter(Boolean),
    email: given(v.email),
    uscc: given(v.uscc),
    region: given(v.region),
    needDescription: v.needDescription ?? '',
    // The schemas read "120万" and "1,200,000" as well as plain numbers.
    budget: given(v.budget),
    expectedCloseDate: given(v.expectedCloseDate),
    stage: v.stage,
    sourceChannel: given(v.sourceChannel),
    productLine: given(v.productLine),
  };
}

/** Limits of the probe schema: a longer value is clipped, so typing never makes the live check fail. */
const clip = (text: string | undefined, max: number): string | undefined => given(text)?.slice(0, max);

/**
 * The customer-identifying part of the form, for the live conflict check; null while nothing that
 * identifies a customer is typed yet.
 */
export function probeOf(v: Partial<FormValues>, excludeRegistrationId?: number): ConflictProbe | null {
  const probe: ConflictProbe = {
    customerName: clip(v.customerName, 200) ?? '',
    customerKind: v.customerKind ?? 'company',
    phones: (v.phones ?? []).flatMap((p) => clip(p, 50) ?? []).slice(0, 5),
  };
  const email = clip(v.email, 200);
  const uscc = clip(v.uscc, 30);
  const region = clip(v.region, 50);
  if (email) probe.email = email;
  if (uscc) probe.uscc = uscc;
  if (region) probe.region = region;
  if (!probe.customerName && probe.phones.length === 0 && !email && !uscc) return null;
  if (excludeRegistrationId !== undefined) probe.excludeRegistrationId = excludeRegistrationId;
  return probe;
}
