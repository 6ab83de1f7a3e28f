import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** What Chrome's DevTools protocol says a page's renderer did (`Performance.getMetrics`). */
export interface MetricsSnapshot {
  taskMs: number;
  scriptMs: number;
  layouts: number;
  recalcStyles: number;
  heapBytes: number;
}

/** One phase: time and counts are what happened during it; heap is what is live at its end. */
export type PhaseMetrics = MetricsSnapshot;

export class PageMetrics {
  private constructor(private readonly session: CDPSession) {}

  /**
   * Thread time, not wall time: on a shared two-core machine another process taking the CPU
   * stretches wall-clock durations but not the CPU time the page's main thread used.
   */
  static async attach(context: BrowserContext, page: Page): Promise<PageMetrics> {
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    return new PageMetrics(session);
  }

  async snapshot(): Promise<MetricsSnapshot> {
    const { metrics } = await this.session.send('Performance.getMetrics');
    const value = (name: string) => {
      const found = metrics.find((m) => m.name === name);
      if (!found) throw new Error(`Performance.getMetrics gave no ${name}`);
      return found.value;
    };
    return {
      taskMs: value('TaskDuration') * 1000,
      scriptMs: value('ScriptDuration') * 1000,
      layouts: value('LayoutCount'),
      recalcStyles: value('RecalcStyleCount'),
      heapBytes: value('JSHeapUsedSize'),
    };
  }

  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}

export function phase(from: MetricsSnapshot, to: MetricsSnapshot): PhaseMetrics {
  return {
    taskMs: to.taskMs - from.taskMs,
    scriptMs: to.scriptMs - from.scriptMs,
    layouts: to.layouts - from.layouts,
    recalcStyles: to.recalcStyles - from.recalcStyles,
    heapBytes: to.heapBytes,
  };
}

export function sumPhases(phases: readonly PhaseMetrics[]): PhaseMetrics {
  return {
    taskMs: phases.reduce((s, p) => s + p.taskMs, 0),
    scriptMs: phases.reduce((s, p) => s + p.scriptMs, 0),
    layouts: phases.reduce((s, p) => s + p.layouts, 0),
    recalcStyles: phases.reduce((s, p) => s + p.recalcStyles, 0),
    heapBytes: Math.max(...phases.map((p) => p.heapBytes)),
  };
}

export function meanPhase(runs: readonly PhaseMetrics[]): PhaseMetrics {
  const mean = (pick: (p: PhaseMetrics) => number) => runs.reduce((s, p) => s + pick(p), 0) / runs.length;
  return { taskMs: mean((p) => p.taskMs), scriptMs: mean((p) => p.scriptMs), layouts: mean((p) => p.layouts), recalcStyles: mean((p) => p.recalcStyles), heapBytes: mean((p) => p.heapBytes) };
}
