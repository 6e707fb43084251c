import { FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import { memo } from 'react';
import { useApi } from '../../api/ApiProvider';
import { useT } from '../../i18n/LanguageProvider';
import { opportunityKeys } from './query-keys';

/** Drafts listed at most; a salesperson rarely keeps more unfinished forms than this. */
const draftLimit = 50;

/**
 * The salesperson's unfinished registration forms. They are no opportunities (the list leaves them
 * out), but they live here: each opens in the detail, to edit and submit or to delete.
 */
export const DraftsStrip = memo(function DraftsStrip({ open }: { open(id: number): void }) {
  const api = useApi();
  const t = useT();
  const input = { scope: 'mine' as const, statuses: ['draft' as const], limit: draftLimit };
  const drafts = useQuery({ queryKey: [...opportunityKeys.drafts, input], queryFn: () => api.call('registrations.list', input) });
  const items = drafts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Flex wrap align="center" gap={4} data-testid="opps-drafts">
      <FileTextOutlined />
      <Typography.Text strong title={t('ui.myOpps.draftsHint')}>
        {t('ui.myOpps.drafts', { count: drafts.data?.total ?? items.length })}
      </Typography.Text>
      {items.map((d) => (
        <Button key={d.id} type="link" size="small" onClick={() => open(d.id)} data-testid={`opp-draft-${d.id}`}>
          {d.customerName.trim() || t('ui.myOpps.untitledDraft')}
        </Button>
      ))}
    </Flex>
  );
});
