import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { ConflictMatch } from '../../../src-shared/contract';
import { isMessageKey } from '../../../src-shared/i18n';
import { type Translate, useT } from '../../i18n/LanguageProvider';
import { localDateTime } from './format';
import { StatusTag } from './StatusTag';

/** A signal as a sentence ("联系电话相同"); a signal this version does not know yet shows as its code. */
function reasonText(signal: string, t: Translate): string {
  const key = `conflict.reason.${signal}`;
  return isMessageKey(key) ? t(key) : signal;
}

/**
 * One registration the customer matches: how strong, why, and who holds the customer as far as the
 * viewer may know. The main process leaves out `other` for a salesperson, who learns only that a
 * colleague holds the customer and until when.
 */
export function ConflictMatchItem({ match }: { match: ConflictMatch }) {
  const t = useT();
  const id = match.registrationId;
  const holder = match.state === 'protected' ? t('error.customerProtectedUntil', { until: match.protectedUntil ?? '' }) : t('ui.conflict.pending');
  return (
    <Flex vertical gap={4} data-testid={`conflict-match-${id}`} data-level={match.level}>
      <Flex gap={8} align="center" wrap>
        <Tag color={match.level === 'block' ? 'red' : 'orange'} data-testid={`conflict-level-${id}`}>
          {t(`conflict.level.${match.level}`)}
        </Tag>
        <Typography.Text strong data-testid={`conflict-holder-${id}`}>
          {holder}
        </Typography.Text>
      </Flex>
      <ul data-testid={`conflict-reasons-${id}`} style={{ margin: 0, paddingInlineStart: 20 }}>
        {match.signals.map((signal) => (
          <li key={signal}>{reasonText(signal, t)}</li>
        ))}
      </ul>
      {match.other && (
        <Descriptions
          data-testid={`conflict-other-${id}`}
          title={t('ui.conflict.otherTitle', { id })}
          size="small"
          column={1}
          bordered
          items={[
            { key: 'customer', label: t('ui.conflict.other.customer'), children: match.other.customerName },
            { key: 'owner', label: t('ui.conflict.other.owner'), children: match.other.ownerName },
            {
              key: 'status',
              label: t('ui.conflict.other.status'),
              children: (
                <>
                  <StatusTag status={match.other.status} /> {t(`stage.${match.other.stage}`)}
                </>
              ),
            },
            {
              key: 'contact',
              label: t('ui.conflict.other.contact'),
              children: [match.other.contactPerson, ...match.other.phones, match.other.email].filter(Boolean).join(' · '),
            },
            {
              key: 'submittedAt',
              label: t('ui.conflict.other.submittedAt'),
              children: match.other.submittedAt ? localDateTime(match.other.submittedAt) : '—',
            },
          ]}
        />
      )}
    </Flex>
  );
}
