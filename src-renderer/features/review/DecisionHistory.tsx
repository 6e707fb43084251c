import { Empty, Timeline, Typography } from 'antd';
import type { OutputOf } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { localDateTime } from './format';

type DecisionRecord = OutputOf<'review.detail'>['decisions'][number];

/** What a one-step approval (bulk, adjudication, the CLI) records on the criteria it vouched for (see decide.ts). */
const VOUCHED = 'vouched';

const colorOf: Record<DecisionRecord['decision'], string> = { approve: 'green', return: 'orange', reject: 'red' };

/** The decisions taken on a registration, oldest first: who, when, why, and the checklist comments. */
export function DecisionHistory({ decisions, testId }: { decisions: readonly DecisionRecord[]; testId: string }) {
  const t = useT();
  if (decisions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.review.history.none')} data-testid={testId} />;
  return (
    <div data-testid={testId}>
      <Timeline
        items={decisions.map((d) => ({
          key: d.id,
          color: colorOf[d.decision],
          title: `${localDateTime(d.createdAt)} · ${d.reviewerName} · ${t(`decision.${d.decision}`)}`,
          content: (
            <>
              {d.reason && <Typography.Paragraph style={{ marginBottom: 4 }}>{d.reason}</Typography.Paragraph>}
              {d.checklist
                .filter((item) => item.comment)
                .map((item) => (
                  <Typography.Paragraph key={item.criterion} type="secondary" style={{ marginBottom: 2 }}>
                    {t('ui.review.history.checklistComment', {
                      criterion: t(`criterion.${item.criterion}`),
                      verdict: t(item.passed ? 'ui.review.checklist.pass' : 'ui.review.checklist.fail'),
                      comment: item.comment === VOUCHED ? t('ui.review.history.vouched') : (item.comment ?? ''),
                    })}
                  </Typography.Paragraph>
                ))}
            </>
          ),
        }))}
      />
    </div>
  );
}
