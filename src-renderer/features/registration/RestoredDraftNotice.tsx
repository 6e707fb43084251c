import { Alert, Button } from 'antd';
import { useT } from '../../i18n/LanguageProvider';

/** Says that the form shows input kept on this PC from an earlier session, and offers to drop it. */
export function RestoredDraftNotice({ onForget }: { onForget(): void }) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={<span data-testid="reg-draft-restored">{t('ui.reg.localDraftRestored')}</span>}
      action={
        <Button size="small" onClick={onForget} data-testid="reg-draft-forget">
          {t('ui.reg.localDraftForget')}
        </Button>
      }
    />
  );
}
