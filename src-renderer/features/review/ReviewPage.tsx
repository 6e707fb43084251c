import { Result } from 'antd';
import type { SessionUser } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { useHashDetail } from '../shell/useHashRoute';
import { mayReview } from './access';
import { ReviewQueue } from './ReviewQueue';
import { ReviewScreen } from './ReviewScreen';

/** 审核: `#/review` is the queue, `#/review/<id>` the review of one registration. */
export function ReviewPage({ user }: { user: SessionUser }) {
  const t = useT();
  const { rest } = useHashDetail();
  // Salespeople have no 审核 item; a typed or stale link says why instead of a failing request.
  if (!mayReview(user.role)) return <Result status="403" subTitle={<span data-testid="review-reviewers-only">{t('ui.review.reviewersOnly')}</span>} />;
  const id = Number(rest[0]);
  return Number.isInteger(id) && id > 0 ? <ReviewScreen key={id} id={id} user={user} /> : <ReviewQueue />;
}
