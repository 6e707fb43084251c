import type BetterSqlite3 from 'better-sqlite3';
import { pinyinSearchKey } from '../../../src-shared/domain/text/pinyin';

/**
 * Functions the schema's triggers call (migration 003), registered on every connection before any
 * migration or write runs. A connection without them cannot write a customer name, so only Database
 * writes registrations.
 */
export function registerSqlFunctions(raw: BetterSqlite3.Database): void {
  raw.function('baobei_pinyin', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? pinyinSearchKey(name) : ''));
}
