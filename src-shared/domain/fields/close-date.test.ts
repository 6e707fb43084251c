import { describe, expect, it } from 'vitest';
import { addMonths, closeDateIssue, closeDateSchema, isIsoDate } from './close-date';

describe('expected close date', () => {
  const today = '2025-03-15';

  it('allows today up to exactly 24 months ahead', () => {
    expect(closeDateIssue('2025-03-15', today)).toBeNull();
    expect(closeDateIssue('2026-01-01', today)).toBeNull();
    expect(closeDateIssue('2027-03-15', today)).toBeNull();
  });

  it('refuses the past and beyond 24 months', () => {
    expect(closeDateIssue('2025-03-14', today)).toBe('v.closeDatePast');
    expect(closeDateIssue('2027-03-16', today)).toBe('v.closeDateTooFar');
  });

  it('refuses what is not a calendar date in YYYY-MM-DD', () => {
    expect(closeDateIssue('2025-02-30', today)).toBe('v.closeDate');
    expect(closeDateIssue('2025/06/01', today)).toBe('v.closeDate');
    expect(closeDateIssue('2025-6-1', today)).toBe('v.closeDate');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });

  it('ends 24 months after a 29 February on the 28th', () => {
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(closeDateIssue('2026-02-28', '2024-02-29')).toBeNull();
    expect(closeDateIssue('2026-03-01', '2024-02-29')).toBe('v.closeDateTooFar');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });

  it('the schema reports the key of the problem', () => {
    const schema = closeDateSchema(today);
    expect(schema.parse(' 2025-12-31 ')).toBe('2025-12-31');
    expect(schema.safeParse('2020-01-01').error?.issues[0]?.message).toBe('v.closeDatePast');
    expect(schema.safeParse('2030-01-01').error?.issues[0]?.message).toBe('v.closeDateTooFar');
  });
});
