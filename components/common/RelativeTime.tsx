import { formatAgo } from '../../utils/view/duration';

/** "12 min ago", with the exact local time on hover and in the markup. */
export function RelativeTime({ at, now }: { at: number; now: number }) {
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()}>
      {formatAgo(at, now)}
    </time>
  );
}
