import { App, Drawer } from 'antd';
import type { Registration, SessionUser } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { RegistrationForm } from '../registration/RegistrationForm';

/** A draft or returned registration in the registration form, to change and (re)submit. */
export function EditRegistrationDrawer({ user, registration, onClose }: { user: SessionUser; registration: Registration; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Drawer open size={1100} title={t('ui.reg.editTitle', { id: registration.id })} onClose={onClose} data-testid="opp-edit-drawer">
      <RegistrationForm
        user={user}
        target={{ kind: 'edit', registration }}
        onSubmitted={(submitted) => {
          void message.success(t('ui.opps.resubmitted', { id: submitted.id }));
          onClose();
        }}
      />
    </Drawer>
  );
}
