import type { SessionUser } from '../../../../../src-shared/contract';
import type { OfficeSettings } from '../../../../../src-shared/contract/office';
import type { Language } from '../../../../../src-shared/contract/system';
import type { Db } from '../../../db/database';

/** What writing a row needs besides the row: the run's transaction, who imports, when, the office's rules. */
export interface WriteContext {
  q: Db;
  importer: SessionUser;
  nowIso: string;
  settings: OfficeSettings;
  language: Language;
}
