import { Button, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import type { OpportunityFilters } from '../../../src-shared/contract/followups';
import type { FunnelReport } from '../../../src-shared/contract/funnel';
import { useT } from '../../i18n/LanguageProvider';

type Breakdown = FunnelReport['byChannel'];
type ListFilter = 'channels' | 'productLines' | 'regions';

/** The null key (left empty) needs a value a Select can hold. */
const EMPTY = '\u0000empty';

/**
 * Period, salesperson, channel, product line and region. The choices come from the unfiltered report,
 * so narrowing one filter never hides the other choices.
 */
export function FunnelFilters({ filters, onChange, choices, team }: { filters: OpportunityFilters; onChange: (f: OpportunityFilters) => void; choices: FunnelReport | undefined; team: boolean }) {
  const t = useT();
  const options = (rows: Breakdown | undefined) =>
    (rows ?? []).map((r) => ({ value: r.key === null ? EMPTY : String(r.key), label: r.label ?? t('funnel.filters.empty') }));
  const listSelect = (name: ListFilter, rows: Breakdown | undefined) => (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      style={{ minWidth: 160 }}
      placeholder={t(`funnel.filters.${name === 'channels' ? 'channel' : name === 'productLines' ? 'productLine' : 'region'}`)}
      options={options(rows)}
      value={(filters[name] ?? []).map((v) => (v === null ? EMPTY : v))}
      onChange={(values: string[]) => onChange({ ...filters, [name]: values.length ? values.map((v) => (v === EMPTY ? null : v)) : undefined })}
      data-testid={`funnel-filter-${name}`}
    />
  );
  return (
    <Flex wrap gap="small" align="center">
      <DatePicker.RangePicker
        placeholder={[t('funnel.filters.period'), t('funnel.filters.period')]}
        value={filters.period ? [dayjs(filters.period.from), dayjs(filters.period.to)] : null}
        onChange={(range) =>
          onChange({
            ...filters,
            period: range?.[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : undefined,
          })
        }
        data-testid="funnel-filter-period"
      />
      {team && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ minWidth: 160 }}
          placeholder={t('funnel.filters.owner')}
          options={(choices?.bySalesperson ?? []).map((r) => ({ value: Number(r.key), label: r.label ?? '—' }))}
          value={filters.ownerIds ?? []}
          onChange={(ids: number[]) => onChange({ ...filters, ownerIds: ids.length ? ids : undefined })}
          data-testid="funnel-filter-owner"
        />
      )}
      {listSelect('channels', choices?.byChannel)}
      {listSelect('productLines', choices?.byProductLine)}
      {listSelect('regions', choices?.byRegion)}
      <Button onClick={() => onChange({})} data-testid="funnel-filter-reset">
        {t('funnel.filters.reset')}
      </Button>
    </Flex>
  );
}
