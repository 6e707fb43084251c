import { Card, Flex } from 'antd';
import { useState } from 'react';
import type { SessionUser } from '../../../src-shared/contract';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { useDebouncedValue } from '../registration/useDebouncedValue';
import { EditRegistrationDrawer } from './EditRegistrationDrawer';
import { ExtensionRequestModal } from './ExtensionRequestModal';
import type { OpportunityDialog } from './OpportunityActions';
import { OpportunityFilters } from './OpportunityFilters';
import { OpportunityTable } from './OpportunityTable';
import { type ListFilters, initialFilters, useOpportunityList } from './useOpportunityList';

/** Searching waits for a pause in typing, so each keystroke is not a query on the shared drive. */
const searchPauseMs = 300;

/** 我的商机: the salesperson's registrations, with what they may do next; reviewers may see the team's. */
export function OpportunitiesPage({ user }: { user: SessionUser }) {
  const t = useT();
  const [filters, setFilters] = useState<ListFilters>(initialFilters);
  const [dialog, setDialog] = useState<OpportunityDialog | null>(null);
  const search = useDebouncedValue(filters.search, searchPauseMs);
  const list = useOpportunityList({ ...filters, search });
  const canSeeTeam = user.role === 'reviewer' || user.role === 'admin';
  // Any change of the filters starts again at the first page.
  const change = (next: Partial<ListFilters>) => setFilters((f) => ({ ...f, page: 1, ...next }));
  const close = () => setDialog(null);

  return (
    <Card title={t(filters.scope === 'team' ? 'ui.opps.teamTitle' : 'ui.opps.title')}>
      <Flex vertical gap={16}>
        <OpportunityFilters filters={filters} canSeeTeam={canSeeTeam} onChange={change} />
        <ErrorAlert error={list.error} testId="opps-error" />
        <OpportunityTable
          me={user}
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          page={filters.page}
          // A refetch after another PC's change keeps the rows in place; only new filters show the spinner.
          loading={list.isPending || (list.isPlaceholderData && list.isFetching)}
          showOwner={filters.scope === 'team'}
          onPage={(page) => setFilters((f) => ({ ...f, page }))}
          open={setDialog}
        />
      </Flex>
      {dialog?.kind === 'edit' && <EditRegistrationDrawer user={user} registration={dialog.registration} onClose={close} />}
      {dialog?.kind === 'extend' && <ExtensionRequestModal registration={dialog.registration} onClose={close} />}
    </Card>
  );
}
