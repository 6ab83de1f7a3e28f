import { clockOffsetFromDateHeader, serverNow } from '../domain/server-clock';
import type { Settings } from '../domain/settings';
import { SYNC_WINDOW_MS } from '../domain/sync-window';
import type { EngineDb } from '../store/engine-db';
import { readMeta, writeMeta } from '../store/meta-store';
import { packagedFailureWords, type WordSource } from './fix/packaged-failure-words';
import { getSettings } from './settings/settings-store';
import { WatchHub } from './state/watch-hub';

const CLOCK_KEY = 'clockOffsetMs';

/** The sync window the engine runs on: the constant, unless a test or the sandbox build says otherwise. */
export type SyncWindowSource = () => Promise<number>;
const FIXED_WINDOW: SyncWindowSource = () => Promise.resolve(SYNC_WINDOW_MS);

/**
 * What every engine module works with: the store, the live-change hub and server time. Nothing
 * here outlives the worker except what is in the store; every wake rebuilds it from there.
 */
export class Engine {
  #offsetMs = 0;
  #pendingOffset: number | null = null;
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
    engine.#offsetMs = (await readMeta<number>(db, CLOCK_KEY)) ?? 0;
    return engine;
  }

  /** Server time in epoch ms: the local clock corrected by the offset Procore's `Date` gave. */
  now(): number {
    return serverNow(this.localNow(), this.#offsetMs);
  }

  localTime(): number {
    return this.localNow();
  }

  get clockOffsetMs(): number {
    return this.#offsetMs;
  }

  async setClockOffset(offsetMs: number): Promise<void> {
    if (offsetMs === this.#offsetMs) return;
    this.#offsetMs = offsetMs;
    await writeMeta(this.db, CLOCK_KEY, offsetMs);
  }

  /** Each Procore response's `Date`: the offset between Procore's clock and ours. */
  observeServerDate(dateHeader: string, localMs: number): void {
    this.#pendingOffset = clockOffsetFromDateHeader(dateHeader, localMs) ?? this.#pendingOffset;
  }

  /** Stores the offset learnt during a cycle (once, not on every response). */
  async saveClockOffset(): Promise<void> {
    if (this.#pendingOffset === null) return;
    await this.setClockOffset(this.#pendingOffset);
    this.#pendingOffset = null;
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
