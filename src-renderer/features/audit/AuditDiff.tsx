import { Collapse, Table, Typography } from 'antd';
import { useT } from '../../i18n/LanguageProvider';
import { type FieldChange, fieldChanges } from './audit-diff';

const pretty = (value: unknown): string => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));

/** What an audited operation changed, field by field, with the full before and after as JSON below. */
export function AuditDiff({ id, before, after }: { id: number; before: unknown; after: unknown }) {
  const t = useT();
  const changes = fieldChanges(before, after);
  return (
    <div data-testid={`audit-diff-${id}`}>
      <Table<FieldChange>
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={changes}
        locale={{ emptyText: t('ui.audit.noChange') }}
        columns={[
          { title: t('ui.audit.field'), dataIndex: 'field', width: 180 },
          { title: t('ui.audit.before'), dataIndex: 'before', render: (v: string) => <Typography.Text delete={v !== ''}>{v}</Typography.Text> },
          { title: t('ui.audit.after'), dataIndex: 'after', render: (v: string) => <Typography.Text mark={v !== ''}>{v}</Typography.Text> },
        ]}
      />
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'json',
            label: t('ui.audit.fullJson'),
            children: (
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{pretty(before)}</pre>
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{pretty(after)}</pre>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
