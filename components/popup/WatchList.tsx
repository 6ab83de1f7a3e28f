import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { Watch } from '../../utils/domain/watch';
import type { PopupSection } from '../../utils/view/popup-sections';
import { WatchRow, type WatchRowHandlers } from './WatchRow';

type Item = { kind: 'header'; key: string; title: string; count: number } | { kind: 'row'; key: string; watch: Watch };

interface WatchListProps extends WatchRowHandlers {
  sections: PopupSection[];
  companyNames: ReadonlyMap<string, string>;
  hrefOf: (watch: Watch) => string;
  now: number;
  windowMinutes: number;
  busyIds: ReadonlySet<string>;
  /** The rest of the records are still coming: the count is not final yet. */
  loading: boolean;
}

/**
 * The sections as one virtual list: only the rows in view (and a few around them) exist in the
 * page, so thousands of records scroll as smoothly as ten.
 */
export function WatchList({ sections, companyNames, hrefOf, now, windowMinutes, busyIds, loading, ...handlers }: WatchListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = useMemo<Item[]>(
    () =>
      sections
        .filter((s) => s.watches.length > 0)
        .flatMap((s) => [
          { kind: 'header' as const, key: `h:${s.key}`, title: s.title, count: s.count ?? s.watches.length },
          ...s.watches.map((watch) => ({ kind: 'row' as const, key: watch.payoutId, watch })),
        ]),
    [sections],
  );
  const rows = sections.reduce((n, s) => n + (s.count ?? s.watches.length), 0);
  // No React Compiler in this build; the virtualizer re-renders the list itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]?.kind === 'header' ? 34 : 128),
    getItemKey: (i) => items[i]?.key ?? i,
    overscan: 4,
  });

  return (
    <div ref={scrollRef} className="watch-list" role="region" aria-label={`Payment records: ${rows} shown`} aria-busy={loading} tabIndex={0}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index];
          if (!item) return null;
          return (
            <div
              key={virtual.key}
              ref={virtualizer.measureElement}
              data-index={virtual.index}
              className="virtual-item"
              style={{ transform: `translateY(${virtual.start}px)` }}
            >
              {item.kind === 'header' ? (
                <h2 className="section-title">
                  {item.title} <span className="count">({item.count})</span>
                </h2>
              ) : (
                <WatchRow
                  watch={item.watch}
                  companyName={companyNames.get(item.watch.companyId) ?? `Company ${item.watch.companyId}`}
                  href={hrefOf(item.watch)}
                  now={now}
                  windowMinutes={windowMinutes}
                  busy={busyIds.has(item.watch.payoutId)}
                  {...handlers}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
