import type { ImportMapping, ImportPreview, OwnerTarget } from '../../../src-shared/contract/import';
import { useT } from '../../i18n/LanguageProvider';
import { type ValueRow, ValueTable } from './ValueTable';

const CREATE = '\u0000create';

/** The owner values that name no user (by username or display name): only those need a decision. */
function unknownValues(rows: ValueRow[], users: ImportPreview['users']): ValueRow[] {
  const usernames = new Set(users.map((u) => u.username.toLowerCase()));
  const names = new Set(users.map((u) => u.displayName));
  return rows.filter((r) => !usernames.has(r.value.toLowerCase()) && !names.has(r.value));
}

/** Per owner value that is no user: an existing user, a new inactive account (admins), or the rule above. */
export function OwnerMappings({
  rows,
  preview,
  mapping,
  onChange,
  canCreateOwners,
}: {
  rows: ValueRow[];
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  canCreateOwners: boolean;
}) {
  const t = useT();
  const unknown = unknownValues(rows, preview.users);
  if (unknown.length === 0) return null;
  const options = [
    ...(canCreateOwners ? [{ value: CREATE, label: t('ui.import.owner.create') }] : []),
    ...preview.users.map((u) => ({ value: u.username, label: `${u.displayName}（${u.username}）${u.active ? '' : t('ui.import.owner.inactive')}` })),
  ];
  const targetOf = (value: string) => {
    const entry = mapping.owners[value];
    if (!entry) return undefined;
    return 'user' in entry ? entry.user : CREATE;
  };
  const change = (value: string, target: string | undefined) => {
    const owners = { ...mapping.owners };
    const entry: OwnerTarget | undefined = target === undefined ? undefined : target === CREATE ? { create: true } : { user: target };
    if (entry) owners[value] = entry;
    else delete owners[value];
    onChange({ ...mapping, owners });
  };
  return <ValueTable rows={unknown} target={targetOf} options={options} onChange={change} testId="import-owner-values" placeholder={t('ui.import.owner.byRule')} />;
}
