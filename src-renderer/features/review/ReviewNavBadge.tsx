import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { useApi } from '../../api/ApiProvider';
import { useT } from '../../i18n/LanguageProvider';
import { reviewKeys } from './query-keys';

/** How many registrations wait for review, beside the 审核 navigation item (shown to reviewers only). */
export function ReviewNavBadge() {
  const api = useApi();
  const t = useT();
  const pending = useQuery({ queryKey: reviewKeys.pendingCount, queryFn: () => api.call('review.pendingCount', {}) });
  const count = pending.data?.count ?? 0;
  return (
    <span style={{ marginInlineStart: 8 }} data-testid="nav-review-count" data-count={count}>
      <Badge count={count} size="small" overflowCount={99} title={t('ui.review.pendingTitle', { count })} />
    </span>
  );
}
