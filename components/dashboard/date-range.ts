/** A day as the date input writes it, in local time: "2026-11-15". */
export function toDateInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The range [start of `from`, end of `to`] in local time, or null when a day is missing or reversed. */
export function rangeOf(from: string, to: string): { from: number; to: number } | null {
  const start = new Date(`${from}T00:00:00`).getTime();
  const end = new Date(`${to}T23:59:59.999`).getTime();
  if (Number.isNaN(start) || Number.isNaN(end) || start > end) return null;
  return { from: start, to: end };
}
