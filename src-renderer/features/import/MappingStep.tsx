import { Alert, Button, Flex, Space, Typography } from 'antd';
import type { ImportMapping, ImportPreview } from '../../../src-shared/contract/import';
import { useT } from '../../i18n/LanguageProvider';
import { ColumnMappingTable } from './ColumnMappingTable';
import { MappingOptions } from './MappingOptions';
import { ValueMappings } from './ValueMappings';

/** The preview with everything the mapping decides, then the dry run. */
export function MappingStep({
  fileName,
  preview,
  mapping,
  onChange,
  onDryRun,
  onBack,
  busy,
  canCreateOwners,
}: {
  fileName: string;
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  onDryRun: () => void;
  onBack: () => void;
  busy: boolean;
  canCreateOwners: boolean;
}) {
  const t = useT();
  const encoding = preview.encoding ? t(`ui.import.encoding.${preview.encoding}`) : preview.sheetName;
  return (
    <Flex vertical gap={16}>
      <Typography.Text data-testid="import-file-summary">
        {t('ui.import.fileSummary', { name: fileName, rows: preview.rowCount, format: encoding ?? '' })}
      </Typography.Text>
      {preview.remembered && <Alert type="info" showIcon title={t('ui.import.remembered')} data-testid="import-remembered" />}
      <ColumnMappingTable preview={preview} mapping={mapping} onChange={(columns) => onChange({ ...mapping, columns })} />
      <MappingOptions mapping={mapping} onChange={onChange} />
      <ValueMappings preview={preview} mapping={mapping} onChange={onChange} canCreateOwners={canCreateOwners} />
      <Space>
        <Button onClick={onBack} disabled={busy}>
          {t('ui.import.otherFile')}
        </Button>
        <Button type="primary" onClick={onDryRun} loading={busy} data-testid="import-dry-run">
          {t('ui.import.dryRun')}
        </Button>
      </Space>
    </Flex>
  );
}
