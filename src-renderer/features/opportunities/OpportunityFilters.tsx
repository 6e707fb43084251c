import { SearchOutlined } from '@ant-design/icons';
import { Input, Segmented, Select, Space } from 'antd';
import { type Status, statuses } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import type { ListFilters } from './useOpportunityList';

/** Search by customer name, filter by status, and (for reviewers) mine or the whole team. */
export function OpportunityFilters({
  filters,
  canSeeTeam,
  onChange,
}: {
  filters: ListFilters;
  canSeeTeam: boolean;
  onChange(change: Partial<ListFilters>): void;
}) {
  const t = useT();
  return (
    <Space wrap>
      {canSeeTeam && (
        <Segmented<ListFilters['scope']>
          value={filters.scope}
          onChange={(scope) => onChange({ scope })}
          options={[
            { value: 'mine', label: <span data-testid="opps-scope-mine">{t('ui.opps.scope.mine')}</span> },
            { value: 'team', label: <span data-testid="opps-scope-team">{t('ui.opps.scope.team')}</span> },
          ]}
        />
      )}
      <Input
        allowClear
        prefix={<SearchOutlined />}
        value={filters.search}
        onChange={(e) => onChange({ search: e.target.value })}
        placeholder={t('ui.opps.search')}
        style={{ width: 240 }}
        data-testid="opps-search"
      />
      <Select<Status[]>
        mode="multiple"
        allowClear
        value={filters.statuses}
        onChange={(chosen) => onChange({ statuses: chosen })}
        placeholder={t('ui.opps.statusFilter')}
        options={statuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        optionRender={(option) => <span data-testid={`opps-status-option-${String(option.value)}`}>{option.label}</span>}
        style={{ minWidth: 220 }}
        data-testid="opps-status-filter"
      />
    </Space>
  );
}
