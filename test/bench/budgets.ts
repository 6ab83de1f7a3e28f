/** A budget: a figure's name, its limit and which way is better. */
export interface Budget {
  id: string;
  label: string;
  limit: number;
  unit: string;
  /** Timing budgets are judged against the limit times this margin under `--check` (shared machines). */
  timing: boolean;
}

export const BUDGETS = {
  pageTaskRatio1000: { id: 'page.taskRatio@1000', label: 'Main-thread task time with/without, 1,000 rows', limit: 1.1, unit: '×', timing: true },
  tickerScriptMsPerSec: { id: 'page.tickerScriptMsPerSec@1000', label: 'Ticker script per second (idle, with minus without), 1,000 rows', limit: 2, unit: 'ms/s', timing: true },
  apiSteadyPerHour: { id: 'api.steadyPerHour', label: 'Steady-state requests per hour (10% of 3,600)', limit: 360, unit: 'req/h', timing: false },
  api429At600: { id: 'api.429sAt600', label: '429 answers with a 600/h limit', limit: 0, unit: '', timing: false },
  deadlineP95: { id: 'deadline.p95', label: 'Deadline → notification p95', limit: 2000, unit: 'ms', timing: true },
  contentScriptKb: { id: 'size.contentScript', label: 'Each content script (gzip)', limit: 80, unit: 'KB', timing: false },
  backgroundKb: { id: 'size.background', label: 'Background (gzip)', limit: 40, unit: 'KB', timing: false },
  popupKb: { id: 'size.popup', label: 'Popup (gzip)', limit: 120, unit: 'KB', timing: false },
} as const satisfies Record<string, Budget>;

/**
 * Timing figures are ratios or differences measured in one run, but two cores shared with other
 * work still move them by several percent: `--check` fails a timing budget only beyond this
 * factor. Counts and sizes are exact and get no margin.
 */
export const TIMING_MARGIN = 1.15;

export interface Verdict {
  id: string;
  label: string;
  value: number;
  limit: number;
  unit: string;
  holds: boolean;
  /** Within the limit once the timing margin is allowed (equals `holds` for exact figures). */
  holdsWithMargin: boolean;
}

export function judge(budget: Budget, value: number): Verdict {
  const holds = value <= budget.limit;
  const allowed = budget.timing ? budget.limit * TIMING_MARGIN : budget.limit;
  return { id: budget.id, label: budget.label, value, limit: budget.limit, unit: budget.unit, holds, holdsWithMargin: value <= allowed };
}
