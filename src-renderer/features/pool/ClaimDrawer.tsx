import { Drawer } from 'antd';
import { useState } from 'react';
import type { Registration, SessionUser } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { RegistrationForm } from '../registration/RegistrationForm';
import { SubmitResult } from '../registration/SubmitResult';
import type { PoolEntry } from './usePoolList';

/**
 * Claiming a pool customer is a new registration of that customer, reviewed like any other: the form
 * starts from its name and region, and the answer shows the registration awaiting review.
 */
export function ClaimDrawer({ user, entry, onClose }: { user: SessionUser; entry: PoolEntry; onClose: () => void }) {
  const t = useT();
  const [claimed, setClaimed] = useState<Registration | null>(null);
  return (
    <Drawer open size={1100} title={t('ui.reg.claimTitle', { name: entry.customerName })} onClose={onClose} data-testid="pool-claim-drawer">
      {claimed ? (
        <SubmitResult registration={claimed} claimed />
      ) : (
        <RegistrationForm user={user} target={{ kind: 'claim', customer: entry }} onSubmitted={setClaimed} />
      )}
    </Drawer>
  );
}
