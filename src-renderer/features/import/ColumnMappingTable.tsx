import { Flex, Select, Table, Typography } from 'antd';
import type { ImportMapping, ImportPreview } from '../../../src-shared/contract/import';
import { useT } from '../../i18n/LanguageProvider';
import { fieldOptions, IGNORE } from './mapping-options';

/** How many of the file's rows the preview table shows. */
const PREVIEW_ROWS = 8;

interface SampleRow {
  key: number;
  cells: string[];
}

/** The file's first rows with a field chooser above every column. */
export function ColumnMappingTable({ preview, mapping, onChange }: { preview: ImportPreview; mapping: ImportMapping; onChange: (columns: ImportMapping['columns']) => void }) {
  const t = useT();
  const options = fieldOptions(t);
  const columns = preview.headers.map((header, index) => ({
    key: header,
    width: 180,
    title: (
      <Flex vertical gap={4}>
        <Typography.Text strong ellipsis title={header}>
          {header}
        </Typography.Text>
        <Select
          size="small"
          value={mapping.columns[header] ?? IGNORE}
          options={options}
          popupMatchSelectWidth={false}
          onChange={(field) => onChange({ ...mapping.columns, [header]: field })}
          data-testid={`import-column-${index}`}
        />
      </Flex>
    ),
    render: (_: unknown, row: SampleRow) => (
      <Typography.Text type={(mapping.columns[header] ?? IGNORE) === IGNORE ? 'secondary' : undefined} ellipsis>
        {row.cells[index]}
      </Typography.Text>
    ),
  }));
  return (
    <div data-testid="import-preview-table">
      <Table<SampleRow>
        size="small"
        columns={columns}
        dataSource={preview.sample.slice(0, PREVIEW_ROWS).map((cells, i) => ({ key: i, cells }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        bordered
      />
    </div>
  );
}
