// Every timer of the sandbox goes through here, so close() leaves nothing running.
export class SimScheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  /** Runs `task` at epoch-ms `at` (now if already past). */
  at(at: number, task: () => void, now: number = Date.now()): void {
    this.after(Math.max(0, at - now), task);
  }

  after(delayMs: number, task: () => void): void {
    if (this.closed) return;
    // setTimeout's limit is 2^31-1 ms; anything beyond never fires within a sandbox's life.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, Math.min(delayMs, 2_147_483_647));
    timer.unref();
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
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
