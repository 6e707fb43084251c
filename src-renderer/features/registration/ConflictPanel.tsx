import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Card, Divider, Flex, Typography } from 'antd';
import { Fragment } from 'react';
import type { ConflictReport } from '../../../src-shared/contract';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { ConflictMatchItem } from './ConflictMatchItem';

export interface ConflictPanelProps {
  report: ConflictReport | undefined;
  checking: boolean;
  /** Nothing identifying is typed yet. */
  idle: boolean;
  error: unknown;
  /** A claim from the pool carries no justification, so a block simply stops it. */
  canJustify: boolean;
}

export const hasBlock = (report: ConflictReport | undefined): boolean => report?.matches.some((m) => m.level === 'block') ?? false;

/** The live answer to "is this customer already someone's?", beside the form. */
export function ConflictPanel({ report, checking, idle, error, canJustify }: ConflictPanelProps) {
  const t = useT();
  const clean = report && report.matches.length === 0 && !report.ownCustomer;
  return (
    <Card
      size="small"
      title={t('ui.conflict.title')}
      extra={checking && <LoadingOutlined data-testid="conflict-checking" aria-label={t('ui.conflict.checking')} />}
      data-testid="conflict-panel"
    >
      <Flex vertical gap={12}>
        {idle && <Typography.Text type="secondary">{t('ui.conflict.idle')}</Typography.Text>}
        <ErrorAlert error={error} testId="conflict-error" />
        {clean && (
          <Typography.Text type="success" data-testid="conflict-none">
            {t('ui.conflict.none')}
          </Typography.Text>
        )}
        {report?.ownCustomer && <Alert type="info" showIcon title={<span data-testid="conflict-own-customer">{t('ui.conflict.ownCustomer')}</span>} />}
        {hasBlock(report) && (
          <Alert
            type="error"
            showIcon
            title={<span data-testid="conflict-block-notice">{t(canJustify ? 'ui.conflict.blockNotice' : 'ui.conflict.blockNoticeClaim')}</span>}
          />
        )}
        {report?.matches.map((match, i) => (
          <Fragment key={match.registrationId}>
            {i > 0 && <Divider style={{ margin: 0 }} />}
            <ConflictMatchItem match={match} />
          </Fragment>
        ))}
      </Flex>
    </Card>
  );
}
