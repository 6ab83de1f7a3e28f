import { ProcoreError } from './procore-error';

export interface GovernorOptions {
  /** Length of Procore's spike window. */
  spikeWindowMs?: number;
  /** Requests we allow ourselves per spike window (the sandbox allows 50; we stay well under). */
  spikeMax?: number;
  /** A wait longer than this ends the caller's work with a `rate_limited` error instead. */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * The longest wait the governor sits out inside the worker: below the 30 s after which Chrome
 * stops an idle extension worker. A longer one ends the cycle with its retry time; the next
 * alarm resumes it.
 */
export const MAX_WAIT_IN_WORKER_MS = 25_000;

export interface RateHeaders {
  limit: number | null;
  remaining: number | null;
  /** Local epoch ms. */
  resetAt: number | null;
}

/** What the governor knows that must outlive the worker: a wait Procore imposed, the hourly budget. */
export interface GovernorState {
  blockedUntil: number;
  window: { resetAt: number; startRemaining: number; remaining: number; sentSince: number } | null;
  spikeMax: number;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ProcoreError('aborted', 'The request was cancelled.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ProcoreError('aborted', 'The request was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Reads `X-Rate-Limit-*`; Procore's reset is Unix seconds, which we turn into local epoch ms. */
export function readRateHeaders(headers: Headers, localNow: number, serverOffsetMs = 0): RateHeaders {
  const num = (name: string) => {
    const raw = headers.get(name);
    const value = raw === null ? NaN : Number(raw);
    return Number.isFinite(value) ? value : null;
  };
  const reset = num('X-Rate-Limit-Reset');
  return {
    limit: num('X-Rate-Limit-Limit'),
    remaining: num('X-Rate-Limit-Remaining'),
    resetAt: reset === null ? null : Math.max(localNow, reset * 1000 - serverOffsetMs),
  };
}

/**
 * Paces every request to Procore. Three rules: never more than `spikeMax` requests in any
 * spike window (lowered to what Procore allowed when it refuses one, and back up by one for
 * each spike window without a refusal); in each hourly window,
 * never spend more than half of what remained when the window was first seen (the user's own
 * Procore tabs share the same budget); and after a 429 or 503, nothing until the time Procore
 * named (`X-Rate-Limit-Reset` when a window is spent, else `Retry-After`).
 */
export class RateGovernor {
  readonly #spikeWindowMs: number;
  readonly #spikeCeiling: number;
  #spikeMax: number;
  /** The last refusal inside the spike window: a lowered pace recovers from then. */
  #spikeRefusedAt = 0;
  readonly #maxWaitMs: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  #sent: number[] = [];
  #window: GovernorState['window'] = null;
  #blockedUntil = 0;

  constructor(options: GovernorOptions = {}) {
    this.#spikeWindowMs = options.spikeWindowMs ?? 10_000;
    this.#spikeCeiling = options.spikeMax ?? 20;
    this.#spikeMax = this.#spikeCeiling;
    this.#maxWaitMs = options.maxWaitMs ?? MAX_WAIT_IN_WORKER_MS;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? abortableSleep;
  }

  /** How long the next request must wait (0: it may go now). */
  delayFor(now: number): number {
    if (now < this.#blockedUntil) return this.#blockedUntil - now;
    this.#recoverSpikeMax(now);
    this.#sent = this.#sent.filter((t) => t > now - this.#spikeWindowMs);
    let wait = 0;
    if (this.#sent.length >= this.#spikeMax) wait = this.#sent[this.#sent.length - this.#spikeMax]! + this.#spikeWindowMs - now;
    const w = this.#window;
    if (w && now < w.resetAt) {
      const budgetLeft = w.remaining - w.sentSince - Math.floor(w.startRemaining / 2);
      if (budgetLeft <= 0) wait = Math.max(wait, w.resetAt - now);
    }
    return Math.max(0, wait);
  }

  /** Waits until a request may go and counts it; throws `rate_limited` rather than wait too long. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      if (signal?.aborted) throw new ProcoreError('aborted', 'The request was cancelled.');
      const now = this.#now();
      const wait = this.delayFor(now);
      if (wait <= 0) {
        this.#sent.push(now);
        if (this.#window) this.#window.sentSince++;
        return;
      }
      if (wait > this.#maxWaitMs) {
        throw new ProcoreError('rate_limited', `Procore's request limit is reached; the extension waits until ${new Date(now + wait).toLocaleTimeString()}.`, 429, now + wait);
      }
      await this.#sleep(wait, signal);
    }
    throw new ProcoreError('rate_limited', 'The request limit did not clear.', 429);
  }

  /** Feeds the governor each response's status and rate headers. */
  observe(status: number, rate: RateHeaders, retryAfterMs: number | null = null): void {
    const now = this.#now();
    if (status === 429) {
      // Remaining 0: a window is spent, wait for its Reset; else Procore named the wait itself.
      const until = Math.max(now + (retryAfterMs ?? 0), rate.remaining === 0 && rate.resetAt !== null ? rate.resetAt : now + 1_000);
      this.#blockedUntil = Math.max(this.#blockedUntil, until);
      this.#spikeRefusedAt = now;
      // Refused inside the spike window, and Procore does not say budget is left (Remaining above
      // 0: a storm, the user's own tabs): its limit is below what we sent in the window; learn it.
      const inWindow = this.#sent.filter((t) => t > now - this.#spikeWindowMs).length;
      if (until - now <= this.#spikeWindowMs + 1_000 && !rate.remaining) this.#spikeMax = Math.max(1, Math.min(this.#spikeMax, inWindow - 1));
      return;
    }
    if (rate.remaining !== null && rate.resetAt !== null) {
      const w = this.#window;
      const newWindow = !w || now >= w.resetAt || Math.abs(rate.resetAt - w.resetAt) > 1000 || rate.remaining > w.remaining;
      this.#window = newWindow
        ? // What remained before the request that told us: that request was ours too.
          { resetAt: rate.resetAt, startRemaining: rate.remaining + 1, remaining: rate.remaining, sentSince: 0 }
        : { ...w!, remaining: Math.min(w!.remaining, rate.remaining), sentSince: 0 };
    }
    if (status === 503) this.#blockedUntil = Math.max(this.#blockedUntil, now + (retryAfterMs ?? 5_000));
  }

  snapshot(): GovernorState {
    return { blockedUntil: this.#blockedUntil, window: this.#window && { ...this.#window }, spikeMax: this.#spikeMax };
  }

  /** Takes over a snapshot from an earlier worker (times are epoch ms, valid across restarts). */
  restore(state: GovernorState): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, state.blockedUntil);
    if (state.window && state.window.resetAt > this.#now()) this.#window = { ...state.window };
    this.#spikeMax = Math.min(this.#spikeMax, Math.max(1, state.spikeMax));
    // A pace learned by an earlier worker recovers from now.
    this.#spikeRefusedAt = this.#now();
  }

  /** One more request per spike window for each whole window since the last refusal. */
  #recoverSpikeMax(now: number): void {
    const windows = Math.floor((now - this.#spikeRefusedAt) / this.#spikeWindowMs);
    if (this.#spikeMax >= this.#spikeCeiling || windows <= 0) return;
    this.#spikeMax = Math.min(this.#spikeCeiling, this.#spikeMax + windows);
    this.#spikeRefusedAt += windows * this.#spikeWindowMs;
  }

  /** For status: when the next request could go, if it cannot now. */
  blockedAt(): number | null {
    const now = this.#now();
    const wait = this.delayFor(now);
    return wait > 0 ? now + wait : null;
  }
}
