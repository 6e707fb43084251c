import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { InputOf, OutputOf } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { errorText } from '../../forms/errors';
import { useT } from '../../i18n/LanguageProvider';

export type ExtensionRequest = OutputOf<'protection.listExtensions'>[number];

/** A reviewer's answer to an extension request; the owner's protection and the list follow. */
export function useDecideExtension() {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'protection.decideExtension'>) => api.call('protection.decideExtension', input),
    onSuccess: (decided) => {
      void queryClient.invalidateQueries({ queryKey: ['reviews'] });
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      void message.success(decided.status === 'approved' ? t('ui.extensions.approved', { until: decided.protectedUntil ?? '' }) : t('ui.extensions.rejected'));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
}
