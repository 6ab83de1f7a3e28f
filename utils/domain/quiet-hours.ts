import type { Settings } from './settings';

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether local time `localNow` falls in the quiet hours (which may span midnight). */
export function inQuietHours(quiet: Settings['notifications']['quietHours'], localNow: number): boolean {
  if (!quiet.enabled) return false;
  const date = new Date(localNow);
  const minute = date.getHours() * 60 + date.getMinutes();
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When the quiet hours that contain `localNow` end (local epoch ms); null outside them. */
export function quietHoursEnd(quiet: Settings['notifications']['quietHours'], localNow: number): number | null {
  if (!inQuietHours(quiet, localNow)) return null;
  const end = new Date(localNow);
  const minutes = minutesOf(quiet.end);
  end.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
  if (end.getTime() <= localNow) end.setDate(end.getDate() + 1);
  return end.getTime();
}
