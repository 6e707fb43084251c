import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { Registration } from '../../../src-shared/contract';
import { isApiError } from '../../api/api-error';
import { useApi } from '../../api/ApiProvider';
import { errorText } from '../../forms/errors';
import { useT } from '../../i18n/LanguageProvider';

/**
 * Withdrawing a submission and deleting a draft, as of the version shown in the table. A STALE answer
 * means the row moved meanwhile: the table is refetched before anyone decides again.
 */
export function useRegistrationActions() {
  const api = useApi();
  const t = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['registrations'] });
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'STALE') {
      modal.confirm({ title: t('ui.stale.title'), content: errorText(error, t), okText: t('ui.common.reload'), onOk: refresh });
    } else {
      void message.error(errorText(error, t));
    }
  };
  const withdraw = useMutation({
    mutationFn: (r: Registration) => api.call('registrations.withdraw', { id: r.id, version: r.version }),
    onSuccess: () => {
      void refresh();
      void message.success(t('ui.opps.withdrawn'));
    },
    onError,
  });
  const discard = useMutation({
    mutationFn: (r: Registration) => api.call('registrations.discard', { id: r.id, version: r.version }),
    onSuccess: () => {
      void refresh();
      void message.success(t('ui.opps.discarded'));
    },
    onError,
  });
  return { withdraw, discard };
}
