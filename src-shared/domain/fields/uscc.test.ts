import { describe, expect, it } from 'vitest';
import { isValidUscc, normalizeUscc, usccCheckCharacter, usccIssue, usccSchema } from './uscc';

const issuesOf = (value: unknown) => usccSchema.safeParse(value).error?.issues.map((issue) => issue.message);

describe('USCC (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the example of the standard'],
    ['914403001922038216', 'an enterprise (91)'],
    ['91330100799655058B', 'check character B'],
    ['12100000400000624D', 'a public institution (12)'],
    ['511000005000006385', 'a social organization (51)'],
    ['31110000E000168090', 'a law firm (31)'],
    ['92440300MA5EQ8UX6Y', 'an individual business (92)'],
    ['93330782MA2HQJ2F10', 'a farmers’ cooperative (93)'],
    ['N2330106MF01234563', 'a village collective (N2)'],
    ['81440300MA5G00001X', 'a trade union (81)'],
  ])('accepts %s (%s)', (code) => {
    expect(usccIssue(code)).toBeNull();
    expect(usccSchema.parse(code)).toBe(code);
  });

  it('computes the check character with weights 1,3,9,27,… mod 31', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('91330100799655058')).toBe('B');
    expect(usccCheckCharacter('31110000E00016809')).toBe('0');
  });

  it('normalizes what people paste: lower case, full width, spaces, hyphens, zero-width characters', () => {
    expect(normalizeUscc(' 9135 0100-m000 100y43 ')).toBe('91350100M000100Y43');
    expect(normalizeUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(normalizeUscc('91350100\u200bM000100Y43')).toBe('91350100M000100Y43');
    expect(isValidUscc('91350100m000100y43')).toBe(true);
    expect(usccSchema.parse('9135 0100 M000 100Y 43')).toBe('91350100M000100Y43');
  });

  it.each([
    ['91350100M000100Y44', 'v.usccCheck', 'wrong check character'],
    ['914403001922038217', 'v.usccCheck', 'one digit off'],
    ['914403001922083216', 'v.usccCheck', 'two digits swapped'],
    ['91350100M000100Y4', 'v.uscc', '17 characters'],
    ['91350100M000100Y433', 'v.uscc', '19 characters'],
    ['91350100M0001O0Y43', 'v.uscc', 'letter O is not in the charset'],
    ['91350100I000100Y43', 'v.uscc', 'letter I is not in the charset'],
    ['9135010SM000100Y43', 'v.uscc', 'division code with a letter'],
    ['94350100M000100Y43', 'v.uscc', 'no category 4 under authority 9'],
    ['B1350100M000100Y43', 'v.uscc', 'no authority B'],
    ['Y2110000MA00ABCD1D', 'v.uscc', 'authority Y has only category 1'],
    ['', 'v.uscc', 'empty'],
  ])('rejects %s with %s (%s)', (code, key) => {
    expect(usccIssue(normalizeUscc(code))).toBe(key);
    expect(issuesOf(code)).toEqual([key]);
  });
});
