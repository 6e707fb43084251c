import { describe, expect, it } from 'vitest';
import { stripInvisible } from './invisible';
import { normalizeText, toSimplified } from './normalize-text';

describe('normalizeText', () => {
  it('folds full width to half width and case', () => {
    expect(normalizeText('ＡＢＣ　Ｃｏ．，Ｌｔｄ．')).toBe('abc co.,ltd.');
  });

  it('removes zero-width, BOM, word joiner and bidi characters', () => {
    expect(normalizeText('\ufeff腾\u200b讯\u200c科\u200d技\u2060\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe('腾讯科技');
  });

  it('turns control characters and runs of whitespace into one space', () => {
    expect(normalizeText(' 腾讯\t\n 科技\u0085有限公司 ')).toBe('腾讯 科技 有限公司');
    expect(stripInvisible('a\u0007b')).toBe('a b');
  });

  it('unifies brackets to ()', () => {
    expect(normalizeText('（深圳）【深圳】[深圳]〔深圳〕〖深圳〗')).toBe('(深圳)(深圳)(深圳)(深圳)(深圳)');
  });

  it('converts Taiwan and Hong Kong traditional characters to simplified', () => {
    expect(toSimplified('騰訊科技')).toBe('腾讯科技');
    expect(normalizeText('臺灣積體電路製造')).toBe('台湾积体电路制造');
    expect(normalizeText('香港鐵路')).toBe('香港铁路');
    expect(normalizeText('腾讯科技')).toBe('腾讯科技');
  });
});
