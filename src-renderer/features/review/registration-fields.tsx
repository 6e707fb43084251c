import type { ReactNode } from 'react';
import type { Registration } from '../../../src-shared/contract';
import type { Translate } from '../../i18n/LanguageProvider';
import { formatBudget, localDateTime } from './format';

export interface RegistrationField {
  key: string;
  label: string;
  render: (r: Registration) => ReactNode;
}

const orDash = (value: string | null | undefined): string => (value ? value : '—');

/** The rows a reviewer reads about a registration: in the summary, and side by side against a competitor. */
export function registrationFields(t: Translate): RegistrationField[] {
  return [
    { key: 'customerName', label: t('ui.reg.customerName'), render: (r) => r.customerName },
    { key: 'customerKind', label: t('ui.reg.customerKind'), render: (r) => t(`customerKind.${r.customerKind}`) },
    { key: 'owner', label: t('ui.opps.col.owner'), render: (r) => r.ownerName },
    { key: 'status', label: t('ui.opps.col.status'), render: (r) => t(`status.${r.status}`) },
    { key: 'contactPerson', label: t('ui.reg.contactPerson'), render: (r) => orDash(r.contactPerson) },
    { key: 'phones', label: t('ui.reg.phones'), render: (r) => orDash(r.phones.join('、')) },
    { key: 'email', label: t('ui.reg.email'), render: (r) => orDash(r.email) },
    { key: 'uscc', label: t('ui.reg.uscc'), render: (r) => orDash(r.uscc) },
    { key: 'region', label: t('ui.reg.region'), render: (r) => orDash(r.region) },
    { key: 'needDescription', label: t('ui.reg.needDescription'), render: (r) => <span style={{ whiteSpace: 'pre-wrap' }}>{r.needDescription}</span> },
    { key: 'budget', label: t('ui.reg.budget'), render: (r) => formatBudget(r.budget) },
    { key: 'expectedCloseDate', label: t('ui.reg.expectedCloseDate'), render: (r) => orDash(r.expectedCloseDate) },
    { key: 'stage', label: t('ui.reg.stage'), render: (r) => t(`stage.${r.stage}`) },
    { key: 'sourceChannel', label: t('ui.reg.sourceChannel'), render: (r) => orDash(r.sourceChannel) },
    { key: 'productLine', label: t('ui.reg.productLine'), render: (r) => orDash(r.productLine) },
    { key: 'submittedAt', label: t('ui.review.submittedAt'), render: (r) => localDateTime(r.submittedAt) },
    { key: 'protectedUntil', label: t('ui.opps.col.protectedUntil'), render: (r) => orDash(r.protectedUntil) },
    { key: 'justification', label: t('ui.reg.justification'), render: (r) => orDash(r.conflictJustification) },
  ];
}
