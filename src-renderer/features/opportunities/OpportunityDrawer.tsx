import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, type DescriptionsProps, Drawer, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { memo, useState } from 'react';
import type { Registration, SessionUser } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { type Translate, useT } from '../../i18n/LanguageProvider';
import { formatYuan } from '../registration/format';
import { StatusTag } from '../registration/StatusTag';
import { localDate, localDateTime } from './dates';
import { EditRegistrationDrawer } from './EditRegistrationDrawer';
import { ExtensionRequestModal } from './ExtensionRequestModal';
import { FollowUpForm } from './FollowUpForm';
import { type MoveKind, MoveModal } from './MoveModal';
import { type OpportunityDialog, OpportunityActions } from './OpportunityActions';
import { OpportunityTimeline } from './OpportunityTimeline';
import { opportunityKeys } from './query-keys';

/** Statuses a follow-up may be logged in (the server's `followUpStatuses`): waiting for review, open, won. */
const followUpStatuses: readonly Registration['status'][] = ['submitted', 'returned', 'approved', 'won'];

const dash = '—';
const orDash = (v: string | null | undefined) => v || dash;

function fieldItems(r: Registration, t: Translate): DescriptionsProps['items'] {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'customerKind', label: t('ui.reg.customerKind'), children: t(`customerKind.${r.customerKind}`) },
    { key: 'owner', label: t('ui.opps.col.owner'), children: r.ownerName },
    { key: 'contactPerson', label: t('ui.reg.contactPerson'), children: orDash(r.contactPerson) },
    { key: 'phones', label: t('ui.reg.phones'), children: orDash(r.phones.join('、')) },
    { key: 'email', label: t('ui.reg.email'), children: orDash(r.email) },
    { key: 'uscc', label: t('ui.reg.uscc'), children: orDash(r.uscc) },
    { key: 'region', label: t('ui.reg.region'), children: orDash(r.region) },
    { key: 'stage', label: t('ui.reg.stage'), children: <span data-testid="opp-detail-stage">{t(`stage.${r.stage}`)}</span> },
    { key: 'budget', label: t('ui.reg.budget'), children: r.budget === null ? dash : formatYuan(r.budget) },
    { key: 'expectedCloseDate', label: t('ui.reg.expectedCloseDate'), children: <span data-testid="opp-detail-close-date">{orDash(r.expectedCloseDate)}</span> },
    { key: 'sourceChannel', label: t('ui.reg.sourceChannel'), children: orDash(r.sourceChannel) },
    { key: 'productLine', label: t('ui.reg.productLine'), children: orDash(r.productLine) },
    { key: 'submittedAt', label: t('ui.review.submittedAt'), children: r.submittedAt ? localDateTime(r.submittedAt) : dash },
    { key: 'approvedAt', label: t('ui.oppDetail.approvedAt'), children: orDash(localDate(r.approvedAt)) },
    { key: 'protectedUntil', label: t('ui.opps.col.protectedUntil'), children: orDash(r.protectedUntil) },
  ];
  if (r.status === 'won') items.push({ key: 'finalAmount', label: t('ui.oppDetail.finalAmount'), children: r.finalAmount === null ? dash : formatYuan(r.finalAmount) });
  if (r.status === 'lost') items.push({ key: 'lostReason', label: t('ui.oppDetail.lostReason'), children: <span data-testid="opp-detail-lost-reason">{orDash(r.lostReason)}</span> });
  if (r.closedAt) items.push({ key: 'closedAt', label: t('ui.oppDetail.closedAt'), children: localDateTime(r.closedAt) });
  // Rows of two: an odd one out fills its row, so the need starts a row of its own.
  const last = items[items.length - 1];
  if (items.length % 2 === 1 && last) last.span = 'filled';
  items.push({ key: 'needDescription', label: t('ui.reg.needDescription'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.needDescription || dash}</span> });
  return items;
}

/** The moves an open opportunity offers; the server decides who may make them. */
function MoveButtons({ onMove }: { onMove(kind: MoveKind): void }) {
  const t = useT();
  return (
    <Space wrap>
      <Button onClick={() => onMove('stage')} data-testid="opp-move-stage">
        {t('ui.move.changeStage')}
      </Button>
      <Button onClick={() => onMove('won')} data-testid="opp-move-won">
        {t('ui.move.markWon')}
      </Button>
      <Button danger onClick={() => onMove('lost')} data-testid="opp-move-lost">
        {t('ui.move.markLost')}
      </Button>
      <Button onClick={() => onMove('closeDate')} data-testid="opp-move-close-date">
        {t('ui.move.changeCloseDate')}
      </Button>
    </Space>
  );
}

function Detail({ user, registration: r, reload, onClose }: { user: SessionUser; registration: Registration; reload(): Promise<unknown>; onClose(): void }) {
  const api = useApi();
  const t = useT();
  const [dialog, setDialog] = useState<OpportunityDialog | null>(null);
  const [move, setMove] = useState<MoveKind | null>(null);
  const timeline = useQuery({ queryKey: opportunityKeys.timeline(r.id), queryFn: () => api.call('opportunities.timeline', { id: r.id }) });
  const mine = r.ownerId === user.id;
  const showReason = (r.status === 'returned' || r.status === 'rejected') && r.decisionReason;

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Space wrap>
          <StatusTag status={r.status} testId="opp-detail-status" />
          <Tag>{t(`stage.${r.stage}`)}</Tag>
          {r.status === 'won' && r.finalAmount !== null && <Tag color="gold">{formatYuan(r.finalAmount)}</Tag>}
          {!mine && <Typography.Text type="secondary">{t('ui.oppDetail.notYours', { owner: r.ownerName })}</Typography.Text>}
        </Space>
        {mine && <OpportunityActions registration={r} open={setDialog} onDiscarded={onClose} />}
      </Flex>
      {showReason && (
        <Alert
          type={r.status === 'rejected' ? 'error' : 'warning'}
          showIcon
          title={t('ui.oppDetail.reviewReason')}
          description={<span data-testid={`opp-reason-${r.id}`}>{r.decisionReason}</span>}
        />
      )}
      {r.status === 'approved' && (
        <Card size="small" title={t('ui.oppDetail.moves')}>
          <MoveButtons onMove={setMove} />
        </Card>
      )}
      <Descriptions size="small" bordered column={2} title={t('ui.oppDetail.fields')} items={fieldItems(r, t)} data-testid="opp-detail-fields" />
      {followUpStatuses.includes(r.status) && (
        <Card size="small" title={t('ui.followUp.title')}>
          <FollowUpForm registration={r} />
        </Card>
      )}
      <div>
        <Typography.Title level={5}>{t('ui.timeline.title')}</Typography.Title>
        <ErrorAlert error={timeline.error} testId="timeline-error" />
        {timeline.isPending ? <Skeleton active /> : <OpportunityTimeline items={timeline.data?.items ?? []} />}
      </div>
      {dialog?.kind === 'edit' && <EditRegistrationDrawer user={user} registration={dialog.registration} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'extend' && <ExtensionRequestModal registration={dialog.registration} onClose={() => setDialog(null)} />}
      {move && <MoveModal kind={move} registration={r} reload={reload} onClose={() => setMove(null)} />}
    </Flex>
  );
}

/**
 * An opportunity opened from the list, 今日待办, a notification or the funnel (`#/myOpportunities?id=N`):
 * its fields, what its owner may do with it, its moves through the funnel, the follow-up form and
 * its timeline.
 */
export const OpportunityDrawer = memo(function OpportunityDrawer({ user, id, onClose }: { user: SessionUser; id: number | null; onClose(): void }) {
  const api = useApi();
  const t = useT();
  const detail = useQuery({
    queryKey: opportunityKeys.detail(id ?? 0),
    queryFn: () => api.call('registrations.get', { id: id ?? 0 }),
    enabled: id !== null,
  });
  const r = detail.data;
  return (
    <Drawer
      open={id !== null}
      size={880}
      title={r && r.id === id ? t('ui.oppDetail.title', { id: r.id, name: r.customerName || t('ui.myOpps.untitledDraft') }) : t('ui.oppDetail.loading')}
      onClose={onClose}
      destroyOnHidden
      data-testid="opp-detail"
    >
      <ErrorAlert error={detail.error} testId="opp-detail-error" />
      {detail.isPending && id !== null && <Skeleton active />}
      {r && r.id === id && <Detail user={user} registration={r} reload={() => detail.refetch()} onClose={onClose} />}
    </Drawer>
  );
});
