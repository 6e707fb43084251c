import type { Language } from '../contract/system';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
export type Params = Record<string, string | number>;

const dictionaries: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(zhCN, key);

/** Translates a key; unknown keys come back as they are so nothing is silently blank. */
export function translate(language: Language, key: string, params?: Params): string {
  const template = isMessageKey(key) ? dictionaries[language][key] : key;
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : template;
}
