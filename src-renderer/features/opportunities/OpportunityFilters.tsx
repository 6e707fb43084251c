import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { memo, useState } from 'react';
import { type Stage, stages } from '../../../src-shared/contract';
import { opportunityStatuses } from '../../../src-shared/contract/followups';
import type { FunnelReport } from '../../../src-shared/contract/funnel';
import { useApi } from '../../api/ApiProvider';
import { useT } from '../../i18n/LanguageProvider';
import { isFiltered, type ListFilters } from './list-filters';

type Breakdown = FunnelReport['byChannel'];
/** A multiple choice among values the contract lists (statuses, stages); options carry test ids. */
function ListedValuesFilter<T extends string>(props: {
  values: readonly T[];
  chosen: T[];
  label: (value: T) => string;
  placeholder: string;
  testId: string;
  onChange: (chosen: T[]) => void;
}) {
  return (
    <Select<T[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      value={props.chosen}
      onChange={props.onChange}
      placeholder={props.placeholder}
      options={props.values.map((value) => ({ value, label: props.label(value) }))}
      optionRender={(option) => <span data-testid={`${props.testId}-option-${String(option.value)}`}>{option.label}</span>}
      style={{ width: 160 }}
      data-testid={`${props.testId}-filter`}
    />
  );
}

type ValueFilter = 'channels' | 'productLines' | 'regions';

/** A Select cannot hold null: the "left empty" choice stands in for it. */
const EMPTY = '\u0000empty';
const toChoice = (v: string | null) => (v === null ? EMPTY : v);
const fromChoice = (v: string) => (v === EMPTY ? null : v);

/**
 * The values the filters offer (channels, product lines, regions, salespeople), from the unfiltered
 * funnel report, asked for only once a filter is opened. Kept ten minutes and deliberately not under a
 * change-feed area: a new channel showing a little later is fine, recomputing the report on every
 * change of any PC is not.
 */
function useChoices(wanted: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['opportunityFilterChoices'],
    queryFn: () => api.call('funnel.report', { filters: {} }),
    enabled: wanted,
    staleTime: 10 * 60_000,
  });
}

/**
 * Search (name, pinyin initials or spelling, contact, phone), status, stage, channel, product line,
 * region and the period the opportunity entered the funnel; reviewers and admins also pick mine or the
 * team's, and salespeople within the team.
 */
export const OpportunityFilters = memo(function OpportunityFilters({ filters, canSeeTeam, onChange }: { filters: ListFilters; canSeeTeam: boolean; onChange(change: Partial<ListFilters>): void }) {
  const t = useT();
  const [wanted, setWanted] = useState(false);
  const choices = useChoices(wanted);
  const onOpen = (open: boolean) => open && setWanted(true);
  const options = (rows: Breakdown | undefined, chosen: (string | null)[]) => {
    const known = (rows ?? []).map((r) => ({ value: toChoice(r.key === null ? null : String(r.key)), label: r.label ?? t('ui.myOpps.filter.empty') }));
    // What is chosen stays listed while the choices load.
    const extra = chosen.filter((v) => !known.some((o) => o.value === toChoice(v))).map((v) => ({ value: toChoice(v), label: v ?? t('ui.myOpps.filter.empty') }));
    return [...known, ...extra];
  };
  const valueSelect = (name: ValueFilter, rows: Breakdown | undefined, placeholder: Parameters<typeof t>[0]) => (
    <Select<string[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      style={{ width: 150 }}
      placeholder={t(placeholder)}
      loading={wanted && choices.isPending}
      options={options(rows, filters[name])}
      value={filters[name].map(toChoice)}
      onOpenChange={onOpen}
      onChange={(values) => onChange({ [name]: values.map(fromChoice) })}
      data-testid={`opps-filter-${name}`}
    />
  );

  return (
    <Flex wrap gap="small" align="center">
      {canSeeTeam && (
        <Segmented<ListFilters['scope']>
          value={filters.scope}
          onChange={(scope) => onChange({ scope, ownerIds: [] })}
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
        placeholder={t('ui.myOpps.search')}
        maxLength={100}
        style={{ width: 280 }}
        data-testid="opps-search"
      />
      <ListedValuesFilter
        values={opportunityStatuses}
        chosen={filters.statuses}
        label={(status) => t(`status.${status}`)}
        placeholder={t('ui.opps.statusFilter')}
        testId="opps-status"
        onChange={(statuses) => onChange({ statuses })}
      />
      <ListedValuesFilter
        values={stages}
        chosen={filters.stages}
        label={(stage) => t(`stage.${stage}`)}
        placeholder={t('ui.myOpps.filter.stage')}
        testId="opps-stage"
        onChange={(chosen) => onChange({ stages: chosen })}
      />
      {filters.scope === 'team' && (
        <Select<number[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: 150 }}
          placeholder={t('ui.myOpps.filter.owner')}
          loading={wanted && choices.isPending}
          optionFilterProp="label"
          options={(choices.data?.bySalesperson ?? []).map((r) => ({ value: Number(r.key), label: r.label ?? '—' }))}
          value={filters.ownerIds}
          onOpenChange={onOpen}
          onChange={(ids) => onChange({ ownerIds: ids })}
          data-testid="opps-filter-owners"
        />
      )}
      {valueSelect('channels', choices.data?.byChannel, 'ui.myOpps.filter.channel')}
      {valueSelect('productLines', choices.data?.byProductLine, 'ui.myOpps.filter.productLine')}
      {valueSelect('regions', choices.data?.byRegion, 'ui.myOpps.filter.region')}
      <DatePicker.RangePicker
        allowEmpty={[false, false]}
        placeholder={[t('ui.myOpps.filter.periodFrom'), t('ui.myOpps.filter.periodTo')]}
        value={filters.period ? [dayjs(filters.period.from), dayjs(filters.period.to)] : null}
        onChange={(range) =>
          onChange({ period: range?.[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : null })
        }
        style={{ width: 250 }}
        data-testid="opps-filter-period"
      />
      {isFiltered(filters) && (
        <Button
          type="link"
          onClick={() =>
            onChange({ search: '', statuses: [], stages: [], channels: [], productLines: [], regions: [], ownerIds: [], period: null })
          }
          data-testid="opps-filter-reset"
        >
          {t('ui.myOpps.filter.reset')}
        </Button>
      )}
    </Flex>
  );
});
