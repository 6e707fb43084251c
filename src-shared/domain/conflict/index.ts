/**
 * Conflict detection (撞单), pure. The database stores customerKeys() of every active customer and
 * compares a probe's keys with candidates' keys by compareCustomers(). A pair can only produce a signal
 * if one of these index lookups finds it, so no full scan is needed:
 * - equal `uscc`, `name`, `core`, `distinctiveCore` or `pinyin` (one indexed column each; empty = none);
 * - a shared value of `phones`, `emails` or `companyEmailDomains` (a table of value → customer each);
 * - `grams` in a gram table, candidates grouped by shared gram count and kept by sharesEnoughGrams()
 *   (which needs each customer's gram count).
 */
export { parseCompanyName, type CompanyName } from './company-name';
export {
  compareCustomers,
  signalReasons,
  type ConflictLevel,
  type ConflictResult,
  type ConflictSignal,
  type SignalReason,
} from './compare-customers';
export { customerKeys, regionFieldKey, type CustomerInput, type CustomerKeys, type CustomerKind } from './customer-keys';
export { freeMailDomains, isFreeMailDomain } from './free-mail-domains';
export { candidateGrams, gramJaccard, sharesEnoughGrams, similarJaccard } from './grams';
export { looksLikePersonName, personNameKey } from './person-name';
export { regionOf, regionsCompatible } from './region-lookup';
export { editDistance, pinyinKey, similarDistinctiveCores, type SimilarityKeys } from './similarity';
