import { Flex, Select, Space, Typography } from 'antd';
import type { ImportMapping, ImportPreview } from '../../../src-shared/contract/import';
import { useT } from '../../i18n/LanguageProvider';
import { decodeTarget, encodeTarget, headerOf, kindOptions, stageOptions, statusOptions } from './mapping-options';
import { OwnerMappings } from './OwnerMappings';
import { ValueTable } from './ValueTable';

/** A copy of a value table with one entry set, or removed when the user clears it. */
function withEntry<T>(table: Record<string, T>, key: string, value: T | undefined): Record<string, T> {
  const next = { ...table };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * What the values of the status, stage, customer kind and owner columns become. A value left unmapped
 * makes its rows invalid, so nothing is guessed silently.
 */
export function ValueMappings({
  preview,
  mapping,
  onChange,
  canCreateOwners,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  canCreateOwners: boolean;
}) {
  const t = useT();
  const values = (field: 'status' | 'stage' | 'customerKind' | 'owner') => {
    const header = headerOf(mapping, field);
    return header ? (preview.distinct[header] ?? []) : [];
  };
  const section = (title: string, body: React.ReactNode) => (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {body}
    </Flex>
  );
  const statusRows = values('status');
  const stageRows = values('stage');
  const kindRows = values('customerKind');
  const ownerRows = values('owner');
  return (
    <Flex vertical gap={16}>
      {statusRows.length > 0 &&
        section(
          t('ui.import.statusValues'),
          <ValueTable
            rows={statusRows}
            target={(v) => (mapping.statusValues[v] ? encodeTarget(mapping.statusValues[v]) : undefined)}
            options={statusOptions(t)}
            onChange={(v, target) => onChange({ ...mapping, statusValues: withEntry(mapping.statusValues, v, target === undefined ? undefined : decodeTarget(target)) })}
            testId="import-status-values"
          />,
        )}
      {stageRows.length > 0 &&
        section(
          t('ui.import.stageValues'),
          <ValueTable
            rows={stageRows}
            target={(v) => mapping.stageValues[v]}
            options={stageOptions(t)}
            onChange={(v, target) => onChange({ ...mapping, stageValues: withEntry(mapping.stageValues, v, target as ImportMapping['stageValues'][string] | undefined) })}
            testId="import-stage-values"
          />,
        )}
      {kindRows.length > 0 &&
        section(
          t('ui.import.kindValues'),
          <ValueTable
            rows={kindRows}
            target={(v) => mapping.customerKindValues[v]}
            options={kindOptions(t)}
            onChange={(v, target) =>
              onChange({ ...mapping, customerKindValues: withEntry(mapping.customerKindValues, v, target as 'company' | 'person' | undefined) })
            }
            testId="import-kind-values"
          />,
        )}
      {ownerRows.length > 0 &&
        section(
          t('ui.import.ownerValues'),
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text>{t('ui.import.unknownOwners')}</Typography.Text>
              <Select
                size="small"
                value={mapping.unknownOwners}
                onChange={(unknownOwners) => onChange({ ...mapping, unknownOwners })}
                options={[
                  ...(canCreateOwners ? [{ value: 'create' as const, label: t('ui.import.unknownOwners.create') }] : []),
                  { value: 'invalid' as const, label: t('ui.import.unknownOwners.invalid') },
                ]}
                style={{ minWidth: 260 }}
                data-testid="import-unknown-owners"
              />
            </Space>
            <OwnerMappings rows={ownerRows} preview={preview} mapping={mapping} onChange={onChange} canCreateOwners={canCreateOwners} />
          </Space>,
        )}
    </Flex>
  );
}
