import type { Language } from '../../src-shared/contract/system';
import { type MessageKey, type Params, translate } from '../../src-shared/i18n';

/** The CLI speaks Chinese unless BAOBEI_LANG asks for English (en, en-US, en_GB.UTF-8…). */
export const cliLanguage = (): Language => (process.env.BAOBEI_LANG?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN');

export const t = (key: MessageKey, params?: Params): string => translate(cliLanguage(), key, params);
