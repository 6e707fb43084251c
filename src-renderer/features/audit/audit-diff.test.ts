import { describe, expect, it } from 'vitest';
import { fieldChanges } from './audit-diff';

describe('audit diff', () => {
  it('lists only the fields that changed, as JSON values', () => {
    expect(fieldChanges({ status: 'submitted', version: 1, name: '星辰' }, { status: 'approved', version: 2, name: '星辰' })).toEqual([
      { field: 'status', before: '"submitted"', after: '"approved"' },
      { field: 'version', before: '1', after: '2' },
    ]);
  });

  it('shows a creation and a removal field by field', () => {
    expect(fieldChanges(null, { id: 4, phones: ['138'] })).toEqual([
      { field: 'id', before: '', after: '4' },
      { field: 'phones', before: '', after: '["138"]' },
    ]);
    expect(fieldChanges({ id: 4 }, null)).toEqual([{ field: 'id', before: '4', after: '' }]);
  });

  it('compares values that are not objects as a whole', () => {
    expect(fieldChanges(null, 'reset')).toEqual([{ field: '', before: '', after: '"reset"' }]);
    expect(fieldChanges([1], [1])).toEqual([]);
  });
});
