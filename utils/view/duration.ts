const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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

/** Time left to a deadline as mm:ss (never negative: "00:00" once it has passed). */
export function formatCountdown(deadline: number, now: number): string {
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** A countdown in words for screen readers: "7 minutes 5 seconds left". */
export function describeCountdown(deadline: number, now: number): string {
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  const parts = [minutes ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '', `${seconds} second${seconds === 1 ? '' : 's'}`];
  return `${parts.filter(Boolean).join(' ')} left`;
}
