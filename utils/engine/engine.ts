import { boundsFromDateHeader, clockOffset, narrowClock, serverNow, type ClockBounds } from '../domain/server-clock';
import type { Settings } from '../domain/settings';
import { SYNC_WINDOW_MS } from '../domain/sync-window';
import type { EngineDb } from '../store/engine-db';
import { readMeta, writeMeta } from '../store/meta-store';
import { packagedFailureWords, type WordSource } from './fix/packaged-failure-words';
import { getSettings } from './settings/settings-store';
import { WatchHub } from './state/watch-hub';

// What Procore's `Date` headers taught of its clock (server-clock.ts), kept across workers.
export const CLOCK_KEY = 'clockBounds';

/** The sync window the engine runs on: the constant, unless a test or the sandbox build says otherwise. */
export type SyncWindowSource = () => Promise<number>;
const FIXED_WINDOW: SyncWindowSource = () => Promise.resolve(SYNC_WINDOW_MS);

/**
 * What every engine module works with: the store, the live-change hub and server time. Nothing
 * here outlives the worker except what is in the store; every wake rebuilds it from there.
 */
export class Engine {
  #bounds: ClockBounds | null = null;
  #pendingBounds: ClockBounds | null = null;
  #connection = new AbortController();

  constructor(
    readonly db: EngineDb,
    readonly hub: WatchHub = new WatchHub(),
    private readonly localNow: () => number = Date.now,
    /** Funding to deadline, in ms: SYNC_WINDOW_MS in the product. */
    readonly syncWindowMs: SyncWindowSource = FIXED_WINDOW,
    /** The ERP's words are read with these: the packaged file in the product. */
    readonly failureWords: WordSource = packagedFailureWords,
  ) {}

  static async open(db: EngineDb, hub?: WatchHub, localNow: () => number = Date.now, syncWindowMs?: SyncWindowSource, failureWords?: WordSource): Promise<Engine> {
    const engine = new Engine(db, hub, localNow, syncWindowMs, failureWords);
    engine.#bounds = (await readMeta<ClockBounds>(db, CLOCK_KEY)) ?? null;
    return engine;
  }

  /** Server time in epoch ms: the local clock corrected by the offset Procore's `Date` gave. */
  now(): number {
    return serverNow(this.localNow(), this.clockOffsetMs);
  }

  localTime(): number {
    return this.localNow();
  }

  get clockOffsetMs(): number {
    return this.#bounds ? clockOffset(this.#bounds) : 0;
  }

  /** Each Procore response's `Date`, with when its request left and its answer came (local). */
  observeServerDate(dateHeader: string, sentAt: number, receivedAt: number): void {
    const sample = boundsFromDateHeader(dateHeader, sentAt, receivedAt);
    if (sample) this.#pendingBounds = narrowClock(this.#pendingBounds ?? this.#bounds, sample);
  }

  /** Stores what the cycle's responses taught of the offset (once, not on every response). */
  async saveClockOffset(): Promise<void> {
    const bounds = this.#pendingBounds;
    if (!bounds) return;
    this.#bounds = bounds;
    this.#pendingBounds = null;
    await writeMeta(this.db, CLOCK_KEY, bounds);
  }

  /** Aborted when the Procore connection changes: requests in flight must not go on to the old one. */
  get connectionSignal(): AbortSignal {
    return this.#connection.signal;
  }

  resetConnection(): void {
    this.#connection.abort();
    this.#connection = new AbortController();
  }

  settings(): Promise<Settings> {
    return getSettings(this.db);
  }
}
