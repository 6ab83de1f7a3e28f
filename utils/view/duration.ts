const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Whole seconds left in `ms`, rounded up so a countdown reaches zero only when due; 0 when past or not a time. */
const secondsLeft = (ms: number): number => (Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0);

/** A span as people say it: "45 s", "12 min", "3 h 5 min", "4 d". */
export function formatSpan(ms: number): string {
  const span = Math.max(0, ms);
  if (span < MINUTE) return `${Math.floor(span / 1000)} s`;
  if (span < HOUR) return `${Math.floor(span / MINUTE)} min`;
  if (span < DAY) {
    const minutes = Math.floor((span % HOUR) / MINUTE);
    return `${Math.floor(span / HOUR)} h${minutes ? ` ${minutes} min` : ''}`;
  }
  return `${Math.floor(span / DAY)} d`;
}

/** How long ago `at` was, relative to `now`: "12 min ago", "just now". */
export function formatAgo(at: number, now: number): string {
  const span = now - at;
  if (span < 5_000) return 'just now';
  return `${formatSpan(span)} ago`;
}

/** 452_000 → "7:32" (a badge's countdown or a sync time). */
export function clock(ms: number): string {
  const total = secondsLeft(ms);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Time left to a deadline as mm:ss, for columns of countdowns ("00:00" once it has passed). */
export function formatCountdown(deadline: number, now: number): string {
  return clock(deadline - now).padStart(5, '0');
}

/** 452_000 → "7 minutes 32 seconds" for screen readers. */
export function spokenDuration(ms: number): string {
  const total = secondsLeft(ms);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** A countdown in words for screen readers: "7 minutes 5 seconds left" (seconds always said). */
export function describeCountdown(deadline: number, now: number): string {
  const total = secondsLeft(deadline - now);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [minutes ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '', `${seconds} second${seconds === 1 ? '' : 's'}`];
  return `${parts.filter(Boolean).join(' ')} left`;
}

/** A window length in words: 600_000 → "10 min", 20_000 → "20 s". */
export function windowText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
