import { provinces } from '../../../src-shared/domain/regions';

/** A prefecture's full name: `深圳` → 深圳市, `延边|延边朝鲜族自治州` → the name after the bar. */
const fullPrefecture = (entry: string): string => (entry.includes('|') ? entry.slice(entry.indexOf('|') + 1) : `${entry}市`);

/** Every province and prefecture-level city written as the form expects them: 广东省, 广东省深圳市. */
const allRegions: readonly string[] = provinces.flatMap((p) => [p.full, ...p.prefectures.map((entry) => `${p.full}${fullPrefecture(entry)}`)]);

/** Suggestions for what is typed so far; a free text region stays allowed. */
export function regionSuggestions(typed: string, max = 12): { value: string }[] {
  const text = typed.trim();
  if (!text) return [];
  return allRegions
    .filter((region) => region.includes(text) && region !== text)
    .slice(0, max)
    .map((value) => ({ value }));
}
