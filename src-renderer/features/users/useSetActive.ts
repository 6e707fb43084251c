import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { User } from '../../../src-shared/contract';
import { isApiError } from '../../api/api-error';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { errorText } from '../../forms/errors';
import { useT } from '../../i18n/LanguageProvider';

/** Deactivates or reactivates a user, as of the version shown in the table. */
export function useSetActive(reload: () => Promise<unknown>) {
  const api = useApi();
  const t = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, active }: { user: User; active: boolean }) =>
      api.call('users.update', { id: user.id, version: user.version, active }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void message.success(t(user.active ? 'ui.users.reactivated' : 'ui.users.deactivated', { name: user.displayName }));
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'STALE') {
        // The table showed an old state of this user; show the new one before anyone decides again.
        modal.confirm({ title: t('ui.stale.title'), content: errorText(error, t), okText: t('ui.common.reload'), onOk: reload });
      } else {
        void message.error(errorText(error, t));
      }
    },
  });
}
