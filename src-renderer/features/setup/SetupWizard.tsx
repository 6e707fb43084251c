import { Steps } from 'antd';
import type { OutputOf } from '../../../src-shared/contract';
import { CenteredCard } from '../../components/CenteredCard';
import { useT } from '../../i18n/LanguageProvider';
import { AdminStep } from './AdminStep';
import { DatabaseStep } from './DatabaseStep';
import { DatabaseUnavailable } from './DatabaseUnavailable';

/**
 * First run: choose where the database lives, then create the administrator; `setup.status` says
 * which step. Also shown when the remembered database could not be opened.
 */
export function SetupWizard({ status }: { status: OutputOf<'setup.status'> }) {
  const t = useT();
  const current = status.state === 'needsAdmin' ? 1 : 0;
  return (
    <CenteredCard title={t('ui.wizard.title')} width={560}>
      <Steps
        current={current}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: t('ui.wizard.stepDatabase') }, { title: t('ui.wizard.stepAdmin') }]}
      />
      {status.state === 'unavailable' ? <DatabaseUnavailable status={status} /> : current === 0 ? <DatabaseStep status={status} /> : <AdminStep />}
    </CenteredCard>
  );
}
