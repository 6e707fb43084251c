import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type { Language, OutputOf } from '../../src-shared/contract';
import { type MessageKey, type Params, translate } from '../../src-shared/i18n';
import { useApi } from '../api/ApiProvider';
import { queryKeys } from '../api/query-keys';

export type Translate = (key: MessageKey, params?: Params) => string;

interface LanguageContextValue {
  language: Language;
  setLanguage(language: Language): Promise<void>;
  t: Translate;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

/** The language is a setting of this PC, kept by the main process; until it is known nothing is drawn. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.localSettings, queryFn: () => api.call('settings.get', {}) });
  // Unreadable settings fall back to the default language; the screens below report the failure.
  const language = settings.data?.language ?? 'zh-CN';
  const { mutateAsync } = useMutation({
    mutationFn: (next: Language) => api.call('settings.setLanguage', { language: next }),
    onSuccess: ({ language: saved }) =>
      queryClient.setQueryData<OutputOf<'settings.get'>>(queryKeys.localSettings, (old) => old && { ...old, language: saved }),
  });
  const setLanguage = useCallback(async (next: Language) => void (await mutateAsync(next)), [mutateAsync]);
  const value = useMemo<LanguageContextValue>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language, setLanguage],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = value.t('ui.app.title');
  }, [language, value]);

  if (settings.isPending) return <Spin fullscreen />;
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}

export const useT = (): Translate => useLanguage().t;
