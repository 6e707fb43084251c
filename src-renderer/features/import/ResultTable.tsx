import { Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ImportRowResult } from '../../../src-shared/contract/import';
import { useT } from '../../i18n/LanguageProvider';
import { StatusTag } from '../registration/StatusTag';

type Filter = 'all' | ImportRowResult['status'];
const resultColors: Record<ImportRowResult['status'], string> = { created: 'success', invalid: 'error', conflict: 'warning' };

/** Every row's outcome with why, filterable to the rows that need attention. */
export function ResultTable({ rows }: { rows: ImportRowResult[] }) {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  const count = (status: Filter) => (status === 'all' ? rows.length : rows.filter((r) => r.status === status).length);
  const shown = filter === 'all' ? rows : rows.filter((r) => r.status === filter);

  const explain = (row: ImportRowResult) => {
    const lines = [
      ...(row.errors ?? []).map((e) => (e.field ? `${t(`import.field.${e.field}`)}：${e.message}` : e.message)),
      ...(row.conflicts ?? []).map((c) =>
        c.row === undefined ? t('import.report.conflictWith', { id: c.registrationId ?? '-' }) : t('import.report.conflictWithRow', { row: c.row }),
      ),
      ...(row.notes ?? []).map((n) => n.message),
    ];
    return lines.map((line, i) => (
      <Typography.Text key={i} type={row.status === 'created' ? 'secondary' : undefined} style={{ display: 'block' }}>
        {line}
      </Typography.Text>
    ));
  };

  return (
    <div data-testid="import-results">
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        options={(['all', 'invalid', 'conflict', 'created'] as const).map((f) => ({ value: f, label: `${t(`ui.import.filter.${f}`)} ${count(f)}` }))}
        style={{ marginBottom: 12 }}
        data-testid="import-filter"
      />
      <Table<ImportRowResult>
        size="small"
        rowKey="row"
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('import.report.row'), dataIndex: 'row', width: 80 },
          {
            title: t('import.report.result'),
            width: 100,
            render: (_, row) => (
              <Tag color={resultColors[row.status]} data-testid={`import-result-${row.row}`} data-status={row.status}>
                {t(`import.result.${row.status}`)}
              </Tag>
            ),
          },
          { title: t('ui.import.importedAs'), width: 120, render: (_, row) => row.registrationStatus && <StatusTag status={row.registrationStatus} /> },
          { title: t('import.report.problems'), render: (_, row) => explain(row) },
        ]}
      />
    </div>
  );
}
