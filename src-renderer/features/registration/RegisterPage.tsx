import { Button, Card } from 'antd';
import { useState } from 'react';
import type { Registration, SessionUser } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { RegistrationForm } from './RegistrationForm';
import { SubmitResult } from './SubmitResult';

const newRegistration = { kind: 'new' } as const;

/** 登记: a new registration, and what became of it once submitted. */
export function RegisterPage({ user }: { user: SessionUser }) {
  const t = useT();
  const [submitted, setSubmitted] = useState<Registration | null>(null);
  return (
    <Card title={t('ui.reg.title')}>
      {submitted ? (
        <SubmitResult
          registration={submitted}
          claimed={false}
          extra={
            <Button key="another" onClick={() => setSubmitted(null)} data-testid="reg-result-another">
              {t('ui.reg.registerAnother')}
            </Button>
          }
        />
      ) : (
        <RegistrationForm user={user} target={newRegistration} onSubmitted={setSubmitted} />
      )}
    </Card>
  );
}
