import { Card, Typography } from 'antd';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SessionUser } from '../../../src-shared/contract';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { localToday } from '../registration/format';
import { useDebouncedValue } from '../registration/useDebouncedValue';
import { openRoute, useHashDetail } from '../shell/useHashRoute';
import { DraftsStrip } from './DraftsStrip';
import { initialFilters, type ListFilters, type ListSort, searchBase } from './list-filters';
import { OpportunityDrawer } from './OpportunityDrawer';
import { OpportunityFilters } from './OpportunityFilters';
import { OpportunityTable, type TableRef } from './OpportunityTable';
import { TodoPanel } from './TodoPanel';
import { useOpportunityPages } from './useOpportunityPages';

/** Searching waits for a pause in typing, so each keystroke is not a query on the shared drive. */
const searchPauseMs = 300;

/** The table's header row, above the scrolling body. */
const tableHeaderHeight = 40;
const minListHeight = 320;

/**
 * The height the list's box is given: the page is as tall as the window and the list takes what the
 * panel and the filters leave (at least `minListHeight`), followed as the window or the panel resize.
 */
function useBoxHeight(box: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(480);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => element.clientHeight > 0 && setHeight(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return height;
}

/** Opens an opportunity in the drawer, by its URL (so the back button closes it again). */
const open = (id: number) => openRoute(`/myOpportunities?id=${id}`);

/** `?id=12` as a number; anything else opens nothing. */
const idOf = (value: string | null): number | null => (value && /^\d{1,12}$/.test(value) ? Number(value) : null);

/**
 * 我的商机: 今日待办 on top, then every opportunity the filters, the search and the order pick, in one
 * virtual list; a row (or a 今日待办 item, or a notification's link) opens the opportunity in a drawer
 * (`#/myOpportunities?id=N`). Reviewers and administrators may switch to the team's.
 */
export function OpportunitiesPage({ user }: { user: SessionUser }) {
  const t = useT();
  const { query } = useHashDetail();
  const openId = idOf(query.get('id'));
  const [filters, setFilters] = useState<ListFilters>(initialFilters);
  const search = useDebouncedValue(filters.search, searchPauseMs);
  const base = useMemo(() => searchBase({ ...filters, search }), [filters, search]);
  const list = useOpportunityPages(base);
  const canSeeTeam = user.role === 'reviewer' || user.role === 'admin';
  const tableRef = useRef<TableRef>(null);
  const listBox = useRef<HTMLDivElement>(null);
  const height = Math.max(minListHeight, useBoxHeight(listBox)) - tableHeaderHeight;
  const baseKey = JSON.stringify(base);

  // Another search starts at its top (the first one is there already).
  const shownKey = useRef(baseKey);
  useEffect(() => {
    if (shownKey.current === baseKey) return;
    shownKey.current = baseKey;
    try {
      tableRef.current?.scrollTo({ top: 0 });
    } catch {
      // A body that cannot scroll (no layout) has nothing to reset.
    }
  }, [baseKey]);

  // Stable, so a scroll that fetches another page redraws the list, not the panel and the filters.
  const change = useCallback((next: Partial<ListFilters>) => setFilters((f) => ({ ...f, ...next })), []);
  const onSort = useCallback((sort: ListSort) => change({ sort }), [change]);
  const close = useCallback(() => openRoute('/myOpportunities'), []);

  return (
    <Card
      title={t(filters.scope === 'team' ? 'ui.opps.teamTitle' : 'ui.opps.title')}
      // As tall as the window below the app's header and above its status line.
      style={{ minHeight: 'calc(100vh - 160px)', display: 'flex', flexDirection: 'column' }}
      styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column', gap: 12 } }}
      extra={
        <Typography.Text type="secondary" data-testid="opps-total" data-total={list.total}>
          {t('ui.myOpps.total', { count: list.total })}
        </Typography.Text>
      }
    >
      <TodoPanel scope={filters.scope} showOwner={filters.scope === 'team'} open={open} />
      <OpportunityFilters filters={filters} canSeeTeam={canSeeTeam} onChange={change} />
      {filters.scope === 'mine' && <DraftsStrip open={open} />}
      <ErrorAlert error={list.error} testId="opps-error" />
      <div ref={listBox} style={{ flex: '1 1 0', minHeight: minListHeight, overflow: 'hidden' }}>
        <OpportunityTable
          tableRef={tableRef}
          rows={list.rows}
          loading={list.loading}
          showOwner={filters.scope === 'team'}
          sort={filters.sort}
          height={height}
          today={localToday()}
          onSort={onSort}
          request={list.request}
          open={open}
        />
      </div>
      <OpportunityDrawer user={user} id={openId} onClose={close} />
    </Card>
  );
}
