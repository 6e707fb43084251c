import { useQuery } from '@tanstack/react-query';
import { Checkbox, Flex, Input, Select } from 'antd';
import { useApi } from '../../api/ApiProvider';
import { useT } from '../../i18n/LanguageProvider';
import { reviewKeys } from './query-keys';

export interface QueueFilterValues {
  ownerId: number | undefined;
  conflictOnly: boolean;
  search: string;
}

/** Who submitted, conflicts only, and a search on the customer's name. */
export function QueueFilters({ value, onChange }: { value: QueueFilterValues; onChange: (next: QueueFilterValues) => void }) {
  const t = useT();
  const owners = useQueueOwners();
  return (
    <Flex gap={12} wrap align="center">
      <Select
        allowClear
        style={{ minWidth: 160 }}
        placeholder={t('ui.review.filter.owner')}
        value={value.ownerId}
        options={owners}
        onChange={(ownerId?: number) => onChange({ ...value, ownerId })}
        data-testid="queue-filter-owner"
      />
      <Checkbox checked={value.conflictOnly} onChange={(e) => onChange({ ...value, conflictOnly: e.target.checked })} data-testid="queue-filter-conflict">
        {t('ui.review.filter.conflictOnly')}
      </Checkbox>
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder={t('ui.review.filter.search')}
        value={value.search}
        onChange={(e) => onChange({ ...value, search: e.target.value })}
        data-testid="queue-filter-search"
      />
    </Flex>
  );
}

/**
 * The salespeople with something waiting, from the team's submitted registrations: reviewers may not
 * list users, and only someone with a submission is worth filtering by.
 */
function useQueueOwners(): { value: number; label: string }[] {
  const api = useApi();
  const submitted = useQuery({
    queryKey: reviewKeys.queueOwners,
    queryFn: () => api.call('registrations.list', { scope: 'team', statuses: ['submitted'], limit: 500 }),
  });
  const names = new Map((submitted.data?.items ?? []).map((r) => [r.ownerId, r.ownerName]));
  return [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}
