import { useQuery } from '@tanstack/react-query';
import { AutoComplete, DatePicker, Flex, Select } from 'antd';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { useT } from '../../i18n/LanguageProvider';
import type { AuditFilterValues } from './audit-filters';

/** What the app audits today; other names typed into the filters work too. */
const entities = ['registration', 'user', 'office_settings', 'import'] as const;
const operations = [
  'registrations.saveDraft',
  'registrations.submit',
  'registrations.withdraw',
  'registrations.discard',
  'registrations.approve',
  'review.approve',
  'review.return',
  'review.reject',
  'review.adjudicate',
  'pool.claim',
  'protection.requestExtension',
  'protection.decideExtension',
  'protection.release',
  'protection.end',
  'office.updateSettings',
];

/** Entity, user, operation and a range of days. */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const api = useApi();
  const t = useT();
  const users = useQuery({ queryKey: queryKeys.users, queryFn: () => api.call('users.list', {}) });
  return (
    <Flex gap={12} wrap>
      <Select
        allowClear
        style={{ minWidth: 140 }}
        placeholder={t('ui.audit.filter.entity')}
        value={value.entity}
        options={entities.map((e) => ({ value: e, label: e }))}
        onChange={(entity?: string) => onChange({ ...value, entity })}
        data-testid="audit-filter-entity"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 140 }}
        placeholder={t('ui.audit.filter.user')}
        value={value.userId}
        options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        onChange={(userId?: number) => onChange({ ...value, userId })}
        data-testid="audit-filter-user"
      />
      <AutoComplete
        allowClear
        style={{ width: 220 }}
        placeholder={t('ui.audit.filter.operation')}
        value={value.operation}
        options={operations.map((o) => ({ value: o }))}
        filterOption={(input, option) => (option?.value ?? '').includes(input)}
        onChange={(operation: string) => onChange({ ...value, operation: operation ?? '' })}
        data-testid="audit-filter-operation"
      />
      <DatePicker.RangePicker value={value.days} onChange={(days) => onChange({ ...value, days: days?.[0] && days[1] ? [days[0], days[1]] : null })} data-testid="audit-filter-days" />
    </Flex>
  );
}
