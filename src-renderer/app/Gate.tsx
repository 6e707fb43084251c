import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useApi } from '../api/ApiProvider';
import { queryKeys } from '../api/query-keys';
import { SignInPage } from '../features/auth/SignInPage';
import { useSession } from '../features/auth/useSession';
import { SetupWizard } from '../features/setup/SetupWizard';
import { AppShell } from '../features/shell/AppShell';
import { LoadFailure } from './LoadFailure';

/** Which screen the window shows: the first-run wizard, the sign-in, or the app itself. */
export function Gate() {
  const api = useApi();
  const setup = useQuery({ queryKey: queryKeys.setupStatus, queryFn: () => api.call('setup.status', {}) });
  if (setup.isPending) return <Spin fullscreen />;
  if (setup.isError) return <LoadFailure error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data.state !== 'ready') return <SetupWizard status={setup.data} />;
  return <SessionGate lastUsername={setup.data.lastUsername} />;
}

function SessionGate({ lastUsername }: { lastUsername: string | null }) {
  const session = useSession();
  if (session.isPending) return <Spin fullscreen />;
  if (session.isError) return <LoadFailure error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data.user) return <SignInPage lastUsername={lastUsername} />;
  return <AppShell user={session.data.user} />;
}
