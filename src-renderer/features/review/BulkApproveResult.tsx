import { Alert } from 'antd';
import type { OutputOf } from '../../../src-shared/contract';
import { isMessageKey } from '../../../src-shared/i18n';
import { type Translate, useT } from '../../i18n/LanguageProvider';

export interface BulkOutcome {
  result: OutputOf<'review.bulkApprove'>;
  /** The customers' names as they were when the reviewer chose them: approved items leave the queue. */
  names: Map<number, string>;
}

/** Why bulk approval left an item for a reviewer to look at; the server names the reason by its key. */
function skipReason(key: string, t: Translate): string {
  if (key === 'error.checklistIncomplete') return t('ui.review.bulk.skip.checks');
  if (key === 'error.CONFLICT') return t('ui.review.bulk.skip.conflict');
  return isMessageKey(key) ? t(key) : key;
}

/** What bulk approval did: how many passed, and each one skipped with why. */
export function BulkApproveResult({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  const t = useT();
  const { approved, skipped } = outcome.result;
  return (
    <Alert
      closable={{ onClose }}
      showIcon
      type={skipped.length === 0 ? 'success' : 'warning'}
      title={<span data-testid="bulk-result">{t('ui.review.bulk.result', { approved: approved.length, skipped: skipped.length })}</span>}
      description={
        skipped.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {skipped.map((s) => (
              <li key={s.id} data-testid={`bulk-skipped-${s.id}`}>
                {t('ui.review.bulk.skipped', { customer: outcome.names.get(s.id) ?? `#${s.id}`, reason: skipReason(s.key, t) })}
              </li>
            ))}
          </ul>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
