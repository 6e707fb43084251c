import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiProvider } from '../api/ApiProvider';
import type { ApiClient } from '../api/client';
import { antdLocales } from '../i18n/antd-locale';
import { LanguageProvider, useLanguage } from '../i18n/LanguageProvider';
import { DbHealthProvider } from './DbHealthProvider';
import { createQueryClient } from './query-client';
import { useChangeFeed } from './useChangeFeed';

/** Everything a screen relies on: the api client, server state, the language and antd's context. */
export function AppProviders({ client, children }: { client: ApiClient; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ApiProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <LanguageProvider>
          <LocalizedAntd>
            <ChangeFeed />
            <DbHealthProvider>{children}</DbHealthProvider>
          </LocalizedAntd>
        </LanguageProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider locale={antdLocales[language]}>
      {/* AntApp gives message and modal the locale and theme, which their static forms would miss. */}
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function ChangeFeed() {
  useChangeFeed();
  return null;
}
