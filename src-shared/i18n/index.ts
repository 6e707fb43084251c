import type { Language } from '../contract/system';
import * as cli from './messages/cli';
import * as core from './messages/core';
import * as electron from './messages/electron';
import * as funnelUi from './messages/funnel-ui';
import * as followups from './messages/followups';
import * as importMessages from './messages/import';
import * as opportunity from './messages/opportunity';
import * as opportunitiesUi from './messages/opportunities-ui';
import * as protection from './messages/protection';
import * as recovery from './messages/recovery';
import * as review from './messages/review';
import * as reviewUi from './messages/review-ui';
import * as registration from './messages/registration';
import * as registrationUi from './messages/registration-ui';
import * as report from './messages/report';
import * as ui from './messages/ui';

/**
 * The one i18n layer for main and renderer. Each area keeps its messages in `messages/<area>.ts` as a
 * `zh` dictionary (the default language, whose keys are the type) and an `en` one that must have every
 * key; they are merged here.
 */
const areas = [core, electron, cli, ui, protection, opportunity, registration, review, registrationUi, report, importMessages, followups, reviewUi, funnelUi, recovery, opportunitiesUi] as const;

type Merge<T extends readonly { zh: object }[]> = T extends readonly [infer H extends { zh: object }, ...infer R extends { zh: object }[]]
  ? H['zh'] & Merge<R>
  : unknown;
export type MessageKey = keyof Merge<typeof areas>;
export type Params = Record<string, string | number>;

const dictionaries: Record<Language, Record<string, string>> = {
  'zh-CN': Object.assign({}, ...areas.map((a) => a.zh)),
  en: Object.assign({}, ...areas.map((a) => a.en)),
};

export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(dictionaries['zh-CN'], key);

/** Translates a key; unknown keys come back as they are so nothing is silently blank. */
export function translate(language: Language, key: string, params?: Params): string {
  const template = dictionaries[language][key] ?? key;
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : template;
}
