import { Button, Card, Col, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { ConflictMatch, Registration } from '../../../src-shared/contract';
import { isMessageKey } from '../../../src-shared/i18n';
import { useT } from '../../i18n/LanguageProvider';
import { AdjudicateModal } from './AdjudicateModal';
import { DecisionHistory } from './DecisionHistory';
import { registrationFields } from './registration-fields';
import type { ReviewDetail } from './ReviewScreen';

type Competitor = ReviewDetail['competitors'][number];

/**
 * Each competing registration side by side with the one under review, with both decision histories,
 * and the adjudication: which one keeps the protection; the other is returned or rejected.
 */
export function ConflictsPanel({ detail, canDecide, onDone }: { detail: ReviewDetail; canDecide: boolean; onDone: () => void }) {
  const t = useT();
  const [adjudicating, setAdjudicating] = useState<{ keep: Registration; other: Registration } | null>(null);
  const mine = detail.registration;

  return (
    <Card title={t('ui.review.conflicts.title', { count: detail.competitors.length })} data-testid="review-conflicts">
      <Flex vertical gap={24}>
        {detail.competitors.map((competitor) => {
          const match = detail.conflicts.find((m) => m.registrationId === competitor.registration.id);
          const theirs = competitor.registration;
          return (
            <Flex key={theirs.id} vertical gap={12} data-testid={`competitor-${theirs.id}`}>
              <MatchSummary match={match} />
              <SideBySide mine={mine} competitor={competitor} />
              <Row gutter={16}>
                <Col span={12}>
                  <Typography.Text strong>{t('ui.review.conflicts.historyOf', { id: mine.id })}</Typography.Text>
                  <DecisionHistory decisions={detail.decisions} testId={`competitor-${theirs.id}-mine-history`} />
                </Col>
                <Col span={12}>
                  <Typography.Text strong>{t('ui.review.conflicts.historyOf', { id: theirs.id })}</Typography.Text>
                  <DecisionHistory decisions={competitor.decisions} testId={`competitor-${theirs.id}-history`} />
                </Col>
              </Row>
              {canDecide && (
                <Space wrap>
                  <Button onClick={() => setAdjudicating({ keep: mine, other: theirs })} data-testid={`adjudicate-keep-mine-${theirs.id}`}>
                    {t('ui.review.conflicts.keep', { id: mine.id, owner: mine.ownerName })}
                  </Button>
                  <Button onClick={() => setAdjudicating({ keep: theirs, other: mine })} data-testid={`adjudicate-keep-theirs-${theirs.id}`}>
                    {t('ui.review.conflicts.keep', { id: theirs.id, owner: theirs.ownerName })}
                  </Button>
                </Space>
              )}
            </Flex>
          );
        })}
      </Flex>
      {adjudicating && (
        <AdjudicateModal
          keep={adjudicating.keep}
          other={adjudicating.other}
          onClose={() => setAdjudicating(null)}
          onDone={() => {
            setAdjudicating(null);
            onDone();
          }}
        />
      )}
    </Card>
  );
}

/** How strongly the two match and why, each signal as a sentence. */
function MatchSummary({ match }: { match: ConflictMatch | undefined }) {
  const t = useT();
  if (!match) return null;
  return (
    <Flex gap={6} wrap align="center">
      <Tag color={match.level === 'block' ? 'red' : 'orange'}>{t(`conflict.level.${match.level}`)}</Tag>
      {match.signals.map((signal) => {
        const key = `conflict.reason.${signal}`;
        return <Tag key={signal}>{isMessageKey(key) ? t(key) : signal}</Tag>;
      })}
    </Flex>
  );
}

interface CompareRow {
  key: string;
  label: string;
  mine: ReactNode;
  theirs: ReactNode;
}

/** Field by field: the registration under review beside its competitor. */
function SideBySide({ mine, competitor }: { mine: Registration; competitor: Competitor }) {
  const t = useT();
  const theirs = competitor.registration;
  const rows: CompareRow[] = registrationFields(t).map((f) => ({ key: f.key, label: f.label, mine: f.render(mine), theirs: f.render(theirs) }));
  return (
    <Table<CompareRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: '', dataIndex: 'label', width: 140 },
        { title: t('ui.review.conflicts.this', { id: mine.id }), dataIndex: 'mine' },
        { title: t('ui.review.conflicts.other', { id: theirs.id }), dataIndex: 'theirs' },
      ]}
    />
  );
}
