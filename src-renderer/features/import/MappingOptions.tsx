import { Form, Select } from 'antd';
import type { ImportMapping } from '../../../src-shared/contract/import';
import { useT } from '../../i18n/LanguageProvider';
import { statusOptions } from './mapping-options';

/** How dates and amounts are written, and what happens to rows without a status or with gaps. */
export function MappingOptions({ mapping, onChange }: { mapping: ImportMapping; onChange: (mapping: ImportMapping) => void }) {
  const t = useT();
  const set = <K extends keyof ImportMapping>(key: K) => (value: ImportMapping[K]) => onChange({ ...mapping, [key]: value });
  return (
    <Form layout="inline" style={{ rowGap: 8 }}>
      <Form.Item label={t('ui.import.dateFormat')}>
        <Select
          value={mapping.dateFormat}
          onChange={set('dateFormat')}
          popupMatchSelectWidth={false}
          options={(['ymd', 'dmy', 'mdy'] as const).map((f) => ({ value: f, label: t(`ui.import.dateFormat.${f}`) }))}
          data-testid="import-date-format"
        />
      </Form.Item>
      <Form.Item label={t('ui.import.amountUnit')}>
        <Select
          value={mapping.amountUnit}
          onChange={set('amountUnit')}
          options={(['yuan', 'tenThousand'] as const).map((u) => ({ value: u, label: t(`ui.import.amountUnit.${u}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('ui.import.defaultStatus')}>
        <Select value={mapping.defaultStatus} onChange={set('defaultStatus')} popupMatchSelectWidth={false} options={statusOptions(t).filter((o) => !o.value.includes(':'))} />
      </Form.Item>
      <Form.Item label={t('ui.import.incompleteOpenRows')}>
        <Select
          value={mapping.incompleteOpenRows}
          onChange={set('incompleteOpenRows')}
          popupMatchSelectWidth={false}
          options={(['return', 'invalid'] as const).map((p) => ({ value: p, label: t(`ui.import.incompleteOpenRows.${p}`) }))}
          data-testid="import-incomplete-rows"
        />
      </Form.Item>
    </Form>
  );
}
