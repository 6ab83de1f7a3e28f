import { useCallback, useEffect, useRef, useState } from 'react';
import type { CapabilityView, EngineStatus } from '../../utils/messaging';
import type { Settings } from '../../utils/domain/settings';
import type { Watch } from '../../utils/domain/watch';
import { openPopupFeed, type PopupFeed } from './popup-feed';

export interface PopupData {
  watches: ReadonlyMap<string, Watch>;
  status: EngineStatus | null;
  settings: Settings | null;
  /** How disbursements are followed; undefined until the background answered. */
  discovery: CapabilityView | null | undefined;
  /** What went wrong loading, in words; null when loaded or loading. */
  error: string | null;
  loading: boolean;
  reload: () => void;
  /** Applies a watch the background just answered with, before the port echoes it. */
  apply: (watch: Watch) => void;
}

// The newest version of a record wins, whichever way (list or port) it arrived first.
function merge(current: ReadonlyMap<string, Watch>, incoming: readonly Watch[]): Map<string, Watch> {
  const next = new Map(current);
  for (const watch of incoming) {
    const known = next.get(watch.payoutId);
    if (!known || known.updatedAt <= watch.updatedAt) next.set(watch.payoutId, watch);
  }
  return next;
}

/**
 * What the popup shows: the first answers of the background, then its live changes. `early` is a
 * feed its entry opened before the first render; it serves the first load only.
 */
export function usePopupData(early?: PopupFeed): PopupData {
  const [watches, setWatches] = useState<ReadonlyMap<string, Watch>>(new Map());
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [discovery, setDiscovery] = useState<CapabilityView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const unused = useRef(early);

  useEffect(() => {
    let alive = true;
    const feed = unused.current ?? openPopupFeed(Date.now());
    unused.current = undefined;
    const close = feed.listen((change) => {
      if (!alive) return;
      if (change.type === 'upsert') setWatches((current) => merge(current, change.watches));
      else if (change.type === 'remove') {
        setWatches((current) => {
          const next = new Map(current);
          for (const id of change.payoutIds) next.delete(id);
          return next;
        });
      } else setStatus(change.status);
    });
    void feed.discovery.then((view) => alive && setDiscovery(view));
    feed.first
      .then(([view, engineStatus, list]) => {
        if (!alive) return;
        setSettings(view.settings);
        setStatus(engineStatus);
        setWatches((current) => merge(current, list));
        setError(null);
        return feed.rest;
      })
      .then((list) => alive && list && setWatches((current) => merge(current, list)))
      .catch((reason: unknown) => alive && setError(reason instanceof Error ? reason.message : String(reason)))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
      close();
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setLoading(true);
    setAttempt((n) => n + 1);
  }, []);
  const apply = useCallback((watch: Watch) => setWatches((current) => merge(current, [watch])), []);

  return { watches, status, settings, discovery, error, loading, reload, apply };
}
