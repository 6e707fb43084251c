import type { Registration } from '../../../src-shared/contract';
import { emptyValues, type FormValues, type PoolCustomer, valuesOfPoolCustomer, valuesOfRegistration } from './form-values';

/** What a registration form is for: a new one, a draft or returned one to edit, or a claim from the pool. */
export type FormTarget = { kind: 'new' } | { kind: 'edit'; registration: Registration } | { kind: 'claim'; customer: PoolCustomer };

/** Which saved registration the form writes to, as of which version. */
export type SavedRef = { id: number; version: number } | null;

/** Where the form's unsaved input is kept on this PC: one place per thing being registered. */
export function draftSlotOf(target: FormTarget): string {
  if (target.kind === 'edit') return `registration-${target.registration.id}`;
  if (target.kind === 'claim') return `claim-${target.customer.customerId}`;
  return 'new';
}

export function baseValuesOf(target: FormTarget): FormValues {
  if (target.kind === 'edit') return valuesOfRegistration(target.registration);
  if (target.kind === 'claim') return valuesOfPoolCustomer(target.customer);
  return emptyValues;
}

export const savedRefOf = (target: FormTarget): SavedRef =>
  target.kind === 'edit' ? { id: target.registration.id, version: target.registration.version } : null;
