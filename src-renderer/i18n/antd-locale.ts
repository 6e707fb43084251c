import type { ConfigProviderProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Language } from '../../src-shared/contract';

/** antd's own texts (pagination, empty tables, confirm buttons) in the app's language. */
export const antdLocales: Record<Language, NonNullable<ConfigProviderProps['locale']>> = { 'zh-CN': zhCN, en: enUS };
