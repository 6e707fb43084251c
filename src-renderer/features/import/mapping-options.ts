import { importFields, type ImportField, type ImportMapping, type ImportStatus } from '../../../src-shared/contract/import';
import { type Stage, stages } from '../../../src-shared/contract/registrations';
import type { Translate } from '../../i18n/LanguageProvider';

export const IGNORE = 'ignore';

/** Every field a column can feed, then "do not import". */
export const fieldOptions = (t: Translate) => [
  ...importFields.map((field) => ({ value: field, label: t(`import.field.${field}`) })),
  { value: IGNORE, label: t('import.field.ignore') },
];

type StatusTarget = ImportMapping['statusValues'][string];

/** A status value's target as one select value: `approved:needs_confirmed`, `won`. */
export const encodeTarget = (target: StatusTarget): string => (target.stage ? `${target.status}:${target.stage}` : target.status);
export const decodeTarget = (value: string): StatusTarget => {
  const [status, stage] = value.split(':') as [ImportStatus, Stage | undefined];
  return stage ? { status, stage } : { status };
};

/** Open statuses with each starting stage, closed statuses on their own. */
export function statusOptions(t: Translate) {
  const open = (['submitted', 'approved'] as const).flatMap((status) => [
    { value: status, label: t(`status.${status}`) },
    ...stages.slice(0, 3).map((stage) => ({ value: `${status}:${stage}`, label: `${t(`status.${status}`)} · ${t(`stage.${stage}`)}` })),
  ]);
  const closed = (['won', 'lost', 'expired'] as const).map((status) => ({ value: status, label: t(`status.${status}`) }));
  return [...open, ...closed];
}

export const stageOptions = (t: Translate) => stages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }));
export const kindOptions = (t: Translate) => (['company', 'person'] as const).map((kind) => ({ value: kind, label: t(`customerKind.${kind}`) }));

/** The header the mapping gives a field, if one. */
export const headerOf = (mapping: ImportMapping, field: ImportField): string | undefined =>
  Object.entries(mapping.columns).find(([, f]) => f === field)?.[0];
