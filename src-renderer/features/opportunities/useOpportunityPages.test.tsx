// @vitest-environment jsdom
import '../../test/dom-setup';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src-shared/contract';
import { ApiProvider } from '../../api/ApiProvider';
import { createApiClient } from '../../api/client';
import { createQueryClient } from '../../app/query-client';
import { fakeTransport } from '../../test/fake-transport';
import type { SearchBase } from './list-filters';
import { listItem } from './testing';
import { rowsPerPage, useOpportunityPages } from './useOpportunityPages';

const total = 10_500;
const base: SearchBase = { scope: 'team', sort: { by: 'updatedAt', direction: 'desc' } };

function setup() {
  const fake = fakeTransport({
    'opportunities.search': ({ offset = 0, limit = 100 }) => ({
      ok: true,
      data: { items: Array.from({ length: Math.min(limit, total - offset) }, (_, i) => listItem({ id: offset + i + 1 })), total },
    }),
  });
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider client={createApiClient(fake.transport)}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiProvider>
  );
  const offsets = () => fake.calls.map((c) => (c.input as InputOf<'opportunities.search'>).offset);
  return { wrapper, offsets, queryClient };
}

describe('the list’s pages', () => {
  it('stands for the whole result from the first page, and fetches only the pages rows are drawn in', async () => {
    const { wrapper, offsets } = setup();
    const { result } = renderHook(() => useOpportunityPages(base), { wrapper });
    await waitFor(() => expect(result.current.total).toBe(total));
    expect(result.current.rows).toHaveLength(total);
    expect(result.current.rows[0]?.item?.id).toBe(1);
    expect(result.current.rows[rowsPerPage]).toEqual({ index: rowsPerPage, item: null });
    expect(offsets()).toEqual([0]);

    // Jumping to the end fetches the last page alone, not everything before it.
    const last = Math.floor((total - 1) / rowsPerPage);
    act(() => result.current.request(last));
    await waitFor(() => expect(result.current.rows[total - 1]?.item?.id).toBe(total));
    expect(offsets()).toEqual([0, last * rowsPerPage]);
    // The first page stays while it is still cached.
    expect(result.current.rows[0]?.item?.id).toBe(1);
  });

  it('keeps a few pages live and lets the others go, so another PC’s change refetches only those', async () => {
    const { wrapper, offsets, queryClient } = setup();
    const { result } = renderHook(() => useOpportunityPages(base), { wrapper });
    await waitFor(() => expect(result.current.total).toBe(total));
    for (const page of [1, 2, 3, 4, 5]) {
      act(() => result.current.request(page));
      await waitFor(() => expect(offsets()).toContain(page * rowsPerPage));
    }
    const before = offsets().length;
    await act(() => queryClient.invalidateQueries({ queryKey: ['registrations'] }));
    await waitFor(() => expect(offsets().length).toBe(before + 4));
    expect(offsets().slice(before).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([2, 3, 4, 5].map((p) => p * rowsPerPage));
  });

  it('starts again from the first page for other filters, showing the old rows until it comes', async () => {
    const { wrapper, offsets } = setup();
    const { result, rerender } = renderHook(({ b }) => useOpportunityPages(b), { wrapper, initialProps: { b: base } });
    await waitFor(() => expect(result.current.total).toBe(total));
    act(() => result.current.request(7));
    await waitFor(() => expect(offsets()).toContain(7 * rowsPerPage));
    rerender({ b: { ...base, search: 'xckj' } });
    expect(result.current.rows).toHaveLength(total);
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(offsets().at(-1)).toBe(0);
  });
});
