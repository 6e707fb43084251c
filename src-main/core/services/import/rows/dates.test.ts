import { describe, expect, it } from 'vitest';
import { guessDateFormat, parseDate } from './dates';

describe('parseDate', () => {
  it.each([
    ['2026-06-30', 'dmy', '2026-06-30'],
    ['2026/6/3', 'mdy', '2026-06-03'],
    ['2026.06.30', 'dmy', '2026-06-30'],
    ['2026年6月30日', 'dmy', '2026-06-30'],
    ['20260630', 'dmy', '2026-06-30'],
    ['2026-06-30 14:30:00', 'ymd', '2026-06-30'],
    ['20-10-16', 'dmy', '2016-10-20'],
    ['01-03-17', 'dmy', '2017-03-01'],
    ['01-03-17', 'mdy', '2017-01-03'],
    ['3/15/2024', 'mdy', '2024-03-15'],
    ['15/03/2024', 'dmy', '2024-03-15'],
    ['16-10-20', 'ymd', '2016-10-20'],
    ['20-Oct-16', 'dmy', '2016-10-20'],
    ['Oct 20, 2016', 'ymd', '2016-10-20'],
    ['45000', 'dmy', '2023-03-15'],
    ['31-02-24', 'dmy', null],
    ['15/03/2024', 'mdy', null],
    ['下个月', 'ymd', null],
    ['12', 'ymd', null],
  ] as const)('%s as %s → %s', (text, format, expected) => {
    expect(parseDate(text, format, 2026)).toBe(expected);
  });

  it('reads workbook date cells and Excel serial numbers whatever the format', () => {
    expect(parseDate(new Date(Date.UTC(2016, 9, 20)), 'mdy', 2026)).toBe('2016-10-20');
    expect(parseDate(42663, 'dmy', 2026)).toBe('2016-10-20');
    expect(parseDate(120000, 'dmy', 2026)).toBeNull();
  });

  it('takes a two-digit year as the nearest one at most 20 years ahead', () => {
    expect(parseDate('01-01-46', 'dmy', 2026)).toBe('2046-01-01');
    expect(parseDate('01-01-85', 'dmy', 2026)).toBe('1985-01-01');
  });
});

describe('guessDateFormat', () => {
  it('finds the order that reads every sample', () => {
    expect(guessDateFormat(['20-10-16', '01-03-17'])).toBe('dmy');
    expect(guessDateFormat(['03/15/2024', '04/01/2024'])).toBe('mdy');
    expect(guessDateFormat(['2024/03/15', '2024年4月1日'])).toBe('ymd');
    expect(guessDateFormat(['01/02/2024'])).toBe('dmy');
    expect(guessDateFormat([])).toBe('ymd');
  });
});
