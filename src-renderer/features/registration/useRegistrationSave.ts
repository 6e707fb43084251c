import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import type { Registration, RegistrationDraft, RegistrationFields } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { useT } from '../../i18n/LanguageProvider';
import type { FormTarget, SavedRef } from './target';

interface Callbacks {
  onSuccess(registration: Registration): void;
  onError(error: unknown): void;
}

export interface SubmitValues {
  fields: RegistrationFields;
  conflictJustification?: string | undefined;
}

/**
 * Saving a registration form: as a draft, as a submission, or as a claim from the pool. A save names
 * the version the form holds, so a change made meanwhile elsewhere fails with STALE; `reloadStale`
 * then takes the current version and keeps what was typed.
 */
export function useRegistrationSave(target: FormTarget, initial: SavedRef) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<SavedRef>(initial);
  const ref = saved ? { id: saved.id, version: saved.version } : {};
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['registrations'] });

  const saveDraft = useMutation({
    mutationFn: (fields: RegistrationDraft) => api.call('registrations.saveDraft', { ...ref, fields }),
    onSuccess: (registration) => {
      setSaved({ id: registration.id, version: registration.version });
      void refresh();
    },
  });
  const submit = useMutation({
    mutationFn: async ({ fields, conflictJustification }: SubmitValues) =>
      target.kind === 'claim'
        ? (await api.call('pool.claim', { customerId: target.customer.customerId, fields })).registration
        : (await api.call('registrations.submit', { ...ref, fields, conflictJustification })).registration,
    onSuccess: () => void refresh(),
  });

  const reloadStale = async () => {
    if (!saved) return;
    const fresh = await api.call('registrations.get', { id: saved.id });
    setSaved({ id: fresh.id, version: fresh.version });
    saveDraft.reset();
    submit.reset();
    void message.info(t('ui.stale.reloaded'));
  };

  return {
    saved,
    /** Back to what the form was opened on (the user discarded the input kept on this PC). */
    resetSaved: setSaved,
    saveDraft: (fields: RegistrationDraft, options: Callbacks) => {
      submit.reset();
      saveDraft.mutate(fields, options);
    },
    submit: (values: SubmitValues, options: Callbacks) => {
      saveDraft.reset();
      submit.mutate(values, options);
    },
    pending: saveDraft.isPending || submit.isPending,
    /** The last attempt's failure; starting another attempt clears it. */
    error: saveDraft.error ?? submit.error,
    reloadStale,
  };
}
