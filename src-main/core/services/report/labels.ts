import type { Language } from '../../../../src-shared/contract/system';
import { type MessageKey, type Params, translate } from '../../../../src-shared/i18n';

/** The workbook's words in one language: sheet names, headers and the names of stages and statuses. */
export interface Labels {
  language: Language;
  t(key: MessageKey, params?: Params): string;
  /** A stage, status or customer kind by its code, e.g. `stage.quotation`. */
  code(prefix: 'stage' | 'status' | 'customerKind', code: string): string;
}

export function labelsFor(language: Language): Labels {
  return {
    language,
    t: (key, params) => translate(language, key, params),
    code: (prefix, code) => translate(language, `${prefix}.${code}`),
  };
}
