import type { SimTimers } from './sim-scheduler';

interface Due {
  at: number;
  seq: number;
  task: () => void;
}

/**
 * Time that passes only when it is moved on: a benchmark gives one to the sandbox (its ERP
 * delays, rate windows and `Date` header) and to the engine under test, so what they measure
 * does not depend on how fast the machine runs. Timers fire in time order as the clock passes them.
 */
export class VirtualClock implements SimTimers {
  private time: number;
  private seq = 0;
  private queue: Due[] = [];

  constructor(start: number) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  set(delayMs: number, task: () => void): unknown {
    const due: Due = { at: this.time + Math.max(0, delayMs), seq: ++this.seq, task };
    this.queue.push(due);
    return due;
  }

  clear(handle: unknown): void {
    this.queue = this.queue.filter((d) => d !== handle);
  }

  /** When the earliest timer fires (null: none). */
  nextAt(): number | null {
    return this.queue.reduce<number | null>((min, d) => (min === null || d.at < min ? d.at : min), null);
  }

  /** Moves to `to` (never back), firing every timer due on the way at its own time. */
  advanceTo(to: number): void {
    for (;;) {
      const next = this.queue.filter((d) => d.at <= to).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.queue = this.queue.filter((d) => d !== next);
      this.time = Math.max(this.time, next.at);
      next.task();
    }
    this.time = Math.max(this.time, to);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.time + ms);
  }
}
