import { pinyin } from 'pinyin-pro';
import { provinces, wordLikeRegionNames } from '../regions';

/**
 * Region keys are the short names of regions.ts (深圳, 广东, 内蒙古); a prefecture whose short name is
 * also a province (吉林市, 海南藏族自治州) keeps its full name as key.
 */
interface Region {
  key: string;
  province: string;
}

/** Every written form (深圳, 深圳市, 广西壮族自治区, 吉林市, 中山市 …) → region. */
const anyForm = new Map<string, Region>();
/** Forms that may stand bare at the start of a name: not word-like (see regions.ts). */
const leadingForms = new Map<string, Region>();
/** Romanized forms for English names: pinyin of the key (shenzhen, neimenggu), and a few exonyms. */
const latinForms = new Map<string, Region>();

function addForms(region: Region, forms: string[], bareShort: string | null) {
  for (const form of forms) {
    if (!anyForm.has(form)) anyForm.set(form, region);
    if (form !== bareShort || !wordLikeRegionNames.has(form)) leadingForms.set(form, leadingForms.get(form) ?? region);
  }
}

for (const province of provinces) {
  const region = { key: province.short, province: province.short };
  addForms(region, [province.short, province.full, ...(province.aliases ?? [])], province.short);
}
for (const province of provinces) {
  for (const entry of province.prefectures) {
    const [short = entry, full = `${entry}市`] = entry.split('|');
    const clashes = anyForm.has(short);
    const region = { key: clashes ? full : short, province: province.short };
    addForms(region, clashes ? [full] : [short, full], clashes ? null : short);
  }
}

const latinKey = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
const ambiguousLatin = new Set<string>();
for (const [form, region] of anyForm) {
  if (form !== region.key) continue;
  const romanized = pinyin(form, { toneType: 'none', separator: '', v: true });
  if (latinForms.has(romanized) && latinForms.get(romanized) !== region) ambiguousLatin.add(romanized);
  latinForms.set(romanized, region);
}
// Cities sharing a romanization (台州/泰州 taizhou, 苏州/宿州 suzhou) can't be told apart in English.
for (const romanized of ambiguousLatin) latinForms.delete(romanized);
const exonyms: Record<string, string> = {
  hongkong: '香港',
  macau: '澳门',
  macao: '澳门',
  tibet: '西藏',
  innermongolia: '内蒙古',
  shaanxi: '陕西',
  canton: '广州',
  harbin: '哈尔滨',
  urumqi: '乌鲁木齐',
  hohhot: '呼和浩特',
};
for (const [name, key] of Object.entries(exonyms)) {
  const region = anyForm.get(key);
  if (region) latinForms.set(name, region);
}

const maxFormLength = Math.max(...[...anyForm.keys()].map((form) => form.length));

/** The region a whole text names (深圳, 深圳市, (shenzhen) content, a form field), or null. */
export function regionOf(text: string): string | null {
  return (anyForm.get(text) ?? latinForms.get(latinKey(text)))?.key ?? null;
}

/**
 * A region written at the start of a Chinese name (longest form first: 广西壮族自治区 before 广西), with
 * the rest of the name. Word-like names (中山, 朝阳) count bare only where a region is expected anyway,
 * as in a branch or a region field. Null when there is none, or when nothing would be left of the name.
 */
export function leadingRegion(text: string, bareWordLike = false): { region: string; rest: string } | null {
  const forms = bareWordLike ? anyForm : leadingForms;
  for (let length = Math.min(maxFormLength, text.length); length >= 2; length--) {
    const region = forms.get(text.slice(0, length));
    if (region) return length < text.length ? { region: region.key, rest: text.slice(length) } : null;
  }
  return null;
}

/** A romanized region as the first one or two words of an English name (Beijing ByteDance, Hong Kong …). */
export function leadingLatinRegion(words: readonly string[]): { region: string; wordCount: number } | null {
  for (const count of [2, 1]) {
    if (words.length <= count) continue;
    const region = latinForms.get(words.slice(0, count).join(''));
    if (region && !wordLikeRegionNames.has(region.key)) return { region: region.key, wordCount: count };
  }
  return null;
}

/** A region written at the end of a text (华为上海 → 上海), for branch names without a legal form. */
export function trailingRegion(text: string): { region: string; rest: string } | null {
  for (let length = Math.min(maxFormLength, text.length - 1); length >= 2; length--) {
    const region = anyForm.get(text.slice(-length));
    if (region) return { region: region.key, rest: text.slice(0, -length) };
  }
  return null;
}

const provinceOf = (key: string): string | null => {
  const region = anyForm.get(key);
  return region ? region.province : null;
};

/** Of two regions found in one name, the more specific: 深圳 rather than 广东 in 广东省深圳市…. */
export function narrowerRegion(current: string | null, found: string): string {
  return current === null || provinceOf(found) === current ? found : current;
}

/**
 * Two names' regions allow the same company: equal, one unknown, or a prefecture and its own province
 * (广东 and 深圳). Two different cities, or two provinces, do not.
 */
export function regionsCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true;
  return provinceOf(a) === b || provinceOf(b) === a;
}
