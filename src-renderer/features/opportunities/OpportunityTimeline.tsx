import {
  AuditOutlined,
  CalendarOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  RiseOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Empty, Timeline, type TimelineItemProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { FollowUpKind, TimelineEvent } from '../../../src-shared/contract/followups';
import { isMessageKey } from '../../../src-shared/i18n';
import { type Translate, useT } from '../../i18n/LanguageProvider';
import { localDateTime } from './dates';

const kindIcons: Record<FollowUpKind, ReactNode> = {
  call: <PhoneOutlined />,
  email: <MailOutlined />,
  visit: <EnvironmentOutlined />,
  meeting: <TeamOutlined />,
  message: <MessageOutlined />,
  other: <CommentOutlined />,
};

/** What an audited operation was, in words; an operation without words of its own shows its name. */
export function operationLabel(operation: string, t: Translate): string {
  const key = `ui.timeline.op.${operation}`;
  return isMessageKey(key) ? t(key) : t('ui.timeline.op.other', { operation });
}

const eventColors: Record<string, string> = {
  'registrations.markWon': 'green',
  'review.approve': 'green',
  'registrations.approve': 'green',
  'registrations.markLost': 'red',
  'review.reject': 'red',
  'review.return': 'orange',
  'protection.release': 'gray',
  'protection.end': 'gray',
};

function Line({ children, type }: { children: ReactNode; type?: 'secondary' }) {
  return (
    <Typography.Paragraph type={type} style={{ marginBottom: 2, whiteSpace: 'pre-wrap' }}>
      {children}
    </Typography.Paragraph>
  );
}

/** The heading of an entry: what, when, who. */
function Heading({ what, at, by, t }: { what: ReactNode; at: string; by: string | null; t: Translate }) {
  return (
    <Line>
      <Typography.Text strong>{what}</Typography.Text>
      <Typography.Text type="secondary">
        {' · '}
        {localDateTime(at)}
        {' · '}
        {by ?? t('ui.timeline.system')}
      </Typography.Text>
    </Line>
  );
}

function entry(e: TimelineEvent, t: Translate): { color: string; icon?: ReactNode; body: ReactNode } {
  switch (e.type) {
    case 'followUp': {
      const f = e.followUp;
      return {
        color: 'blue',
        icon: kindIcons[f.kind],
        body: (
          <>
            <Heading what={t('ui.timeline.followUp', { kind: t(`followUpKind.${f.kind}`) })} at={e.at} by={e.by.name ?? f.authorName} t={t} />
            <Line>{f.content}</Line>
            {f.outcome && <Line type="secondary">{t('ui.timeline.outcome', { text: f.outcome })}</Line>}
            {f.nextAction && (
              <Line type="secondary">
                {f.nextDueDate ? t('ui.timeline.nextDue', { action: f.nextAction, date: f.nextDueDate }) : t('ui.timeline.next', { action: f.nextAction })}
              </Line>
            )}
          </>
        ),
      };
    }
    case 'stageChange':
      return {
        color: 'purple',
        icon: <RiseOutlined />,
        body: (
          <Heading
            what={e.from ? t('ui.timeline.stageChange', { from: t(`stage.${e.from}`), to: t(`stage.${e.to}`) }) : t('ui.timeline.stageSet', { to: t(`stage.${e.to}`) })}
            at={e.at}
            by={e.by.name}
            t={t}
          />
        ),
      };
    case 'closeDateChange':
      return {
        color: 'orange',
        icon: <CalendarOutlined />,
        body: (
          <>
            <Heading
              what={e.from ? t('ui.timeline.closeDateChange', { from: e.from, to: e.to }) : t('ui.timeline.closeDateSet', { to: e.to })}
              at={e.at}
              by={e.by.name}
              t={t}
            />
            {e.reason && <Line type="secondary">{t('ui.timeline.reason', { reason: e.reason })}</Line>}
          </>
        ),
      };
    case 'event':
      return {
        color: eventColors[e.operation] ?? 'gray',
        icon: <AuditOutlined />,
        body: (
          <>
            <Heading what={operationLabel(e.operation, t)} at={e.at} by={e.by.name} t={t} />
            {e.statusTo && (
              <Line type="secondary">
                {e.statusFrom
                  ? t('ui.timeline.status', { from: t(`status.${e.statusFrom}`), to: t(`status.${e.statusTo}`) })
                  : t('ui.timeline.statusTo', { to: t(`status.${e.statusTo}`) })}
              </Line>
            )}
            {e.reason && <Line type="secondary">{t('ui.timeline.reason', { reason: e.reason })}</Line>}
          </>
        ),
      };
  }
}

/**
 * Everything that happened to an opportunity, newest first as the server orders it: follow-ups, stage
 * and close-date changes, and the audit trail's review decisions, protection, win and loss.
 */
export function OpportunityTimeline({ items }: { items: TimelineEvent[] }) {
  const t = useT();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.timeline.empty')} data-testid="timeline-empty" />;
  const timelineItems: TimelineItemProps[] = items.map((e, index) => {
    const { color, icon, body } = entry(e, t);
    return {
      key: index,
      color,
      icon,
      content: (
        <div data-testid={`timeline-item-${index}`} data-type={e.type} data-operation={e.type === 'event' ? e.operation : undefined}>
          {body}
        </div>
      ),
    };
  });
  return (
    <div data-testid="timeline">
      <Timeline items={timelineItems} />
    </div>
  );
}
