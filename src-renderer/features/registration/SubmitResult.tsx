import { Alert, Button, Result } from 'antd';
import type { ReactNode } from 'react';
import type { Registration } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { appAreas } from '../shell/areas';
import { useHashRoute } from '../shell/useHashRoute';
import { StatusTag } from './StatusTag';

/** What became of a submission (待审核), with the way to the list and whatever the caller offers next. */
export function SubmitResult({ registration, claimed, extra }: { registration: Registration; claimed: boolean; extra?: ReactNode }) {
  const t = useT();
  const [, navigate] = useHashRoute(appAreas, 'register');
  return (
    <Result
      status="success"
      title={t(claimed ? 'ui.reg.claimedTitle' : 'ui.reg.submittedTitle')}
      subTitle={
        <span data-testid="reg-result" data-registration-id={registration.id}>
          {t('ui.reg.submittedSubtitle', { id: registration.id, name: registration.customerName })}{' '}
          <StatusTag status={registration.status} testId="reg-result-status" />
        </span>
      }
      extra={[
        <Button key="list" type="primary" onClick={() => navigate('myOpportunities')} data-testid="reg-result-open-list">
          {t('ui.reg.openMyOpportunities')}
        </Button>,
        extra,
      ]}
    >
      {registration.needsAdjudication && <Alert type="warning" showIcon title={<span data-testid="reg-result-adjudication">{t('ui.reg.submittedAdjudication')}</span>} />}
    </Result>
  );
}
