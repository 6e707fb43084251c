import { Select, Table } from 'antd';
import { useT } from '../../i18n/LanguageProvider';

export interface ValueRow {
  value: string;
  count: number;
}

/** One value of a column per line, with how often it occurs and what it becomes. */
export function ValueTable({
  rows,
  target,
  options,
  onChange,
  testId,
  placeholder,
}: {
  rows: ValueRow[];
  target: (value: string) => string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string, target: string | undefined) => void;
  testId: string;
  /** What an empty choice means; unmapped (the rows are invalid) unless said otherwise. */
  placeholder?: string;
}) {
  const t = useT();
  return (
    <div data-testid={testId}>
      <Table<ValueRow>
        size="small"
        rowKey="value"
        // Owner columns can list dozens of names; ten at a time keeps the options below in view.
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
        dataSource={rows}
        columns={[
          { title: t('ui.import.value'), dataIndex: 'value' },
          { title: t('ui.import.count'), dataIndex: 'count', width: 80, align: 'right' },
          {
            title: t('ui.import.becomes'),
            width: 260,
            render: (_, row) => (
              <Select
                size="small"
                style={{ width: '100%' }}
                allowClear
                placeholder={placeholder ?? t('ui.import.unmapped')}
                value={target(row.value)}
                options={options}
                onChange={(next?: string) => onChange(row.value, next)}
                data-testid={`${testId}-${row.value}`}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
