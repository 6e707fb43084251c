import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Spin, Tag, Typography } from 'antd';
import type { OutputOf, SessionUser } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { openRoute } from '../shell/useHashRoute';
import { ConflictsPanel } from './ConflictsPanel';
import { DecisionHistory } from './DecisionHistory';
import { reviewKeys } from './query-keys';
import { RegistrationSummary } from './RegistrationSummary';
import { ReviewDecision } from './ReviewDecision';

export type ReviewDetail = OutputOf<'review.detail'>;

const backToQueue = () => openRoute('/review');

/** One registration under review: what was registered, the checklist and decision, and any conflict. */
export function ReviewScreen({ id, user }: { id: number; user: SessionUser }) {
  const api = useApi();
  const t = useT();
  const detail = useQuery({ queryKey: reviewKeys.detail(id), queryFn: () => api.call('review.detail', { id }) });
  const reload = async () => (await detail.refetch()).data;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={backToQueue} data-testid="review-back">
      {t('ui.review.back')}
    </Button>
  );
  if (detail.isPending) return <Spin data-testid="review-loading" />;
  if (detail.isError)
    return (
      <Flex vertical gap={16} align="flex-start">
        {back}
        <ErrorAlert error={detail.error} testId="review-load-error" />
      </Flex>
    );

  const { registration } = detail.data;
  const own = registration.ownerId === user.id;
  const pending = registration.status === 'submitted';
  return (
    <Flex vertical gap={16} data-testid="review-screen">
      <Flex gap={12} align="center" wrap>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-customer">
          {registration.customerName}
        </Typography.Title>
        <Tag data-testid="review-status">{t(`status.${registration.status}`)}</Tag>
        {registration.needsAdjudication && <Tag color="red">{t('ui.review.needsAdjudication')}</Tag>}
      </Flex>
      {own && <Alert type="warning" showIcon title={<span data-testid="review-own">{t('error.ownRegistration')}</span>} />}
      {!pending && <Alert type="info" showIcon title={<span data-testid="review-not-pending">{t('ui.review.notPending', { status: t(`status.${registration.status}`) })}</span>} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('ui.review.registration')}>
              <RegistrationSummary registration={registration} />
            </Card>
            <Card size="small" title={t('ui.review.history')}>
              <DecisionHistory decisions={detail.data.decisions} testId="review-history" />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('ui.review.checklist')}>
            <ReviewDecision
              key={registration.id}
              detail={detail.data}
              canDecide={pending && !own}
              reload={reload}
              onDone={backToQueue}
            />
          </Card>
        </Col>
      </Row>
      {detail.data.competitors.length > 0 && <ConflictsPanel detail={detail.data} canDecide={!own} onDone={backToQueue} />}
    </Flex>
  );
}
