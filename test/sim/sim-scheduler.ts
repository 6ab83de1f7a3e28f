/** Where the sandbox's timers run: the wall clock (setTimeout), or a virtual clock a benchmark moves on. */
export interface SimTimers {
  now(): number;
  set(delayMs: number, task: () => void): unknown;
  clear(handle: unknown): void;
}

export const WALL_CLOCK: SimTimers = {
  now: () => Date.now(),
  set(delayMs, task) {
    // setTimeout's limit is 2^31-1 ms; anything beyond never fires within a sandbox's life.
    const timer = setTimeout(task, Math.min(delayMs, 2_147_483_647));
    timer.unref();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

// Every timer of the sandbox goes through here, so close() leaves nothing running.
export class SimScheduler {
  private readonly timers = new Set<unknown>();
  private closed = false;

  constructor(private readonly clock: SimTimers = WALL_CLOCK) {}

  /** Runs `task` at epoch-ms `at` (now if already past). */
  at(at: number, task: () => void, now: number = this.clock.now()): void {
    this.after(Math.max(0, at - now), task);
  }

  after(delayMs: number, task: () => void): void {
    if (this.closed) return;
    const timer = this.clock.set(delayMs, () => {
      this.timers.delete(timer);
      task();
    });
    this.timers.add(timer);
  }

  /** Resolves after `ms` (never, once closed: the server drops those requests' sockets). */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve));
  }

  every(intervalMs: number, task: () => void): void {
    this.after(intervalMs, () => {
      task();
      this.every(intervalMs, task);
    });
  }

  get pending(): number {
    return this.timers.size;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) this.clock.clear(timer);
    this.timers.clear();
  }
}
