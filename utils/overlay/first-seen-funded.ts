// Per page load: when a disbursement row first showed Funding Complete here. Module state on
// purpose: rows are recycled while scrolling, and the time must outlive them.
const firstSeen = new Map<string, number>();

/** The server time this page first showed the disbursement funded (now, the first time it is asked). */
export function firstSeenFunded(companyId: string, disbursementNumber: string, now: number): number {
  const key = `${companyId}/${disbursementNumber}`;
  const seen = firstSeen.get(key);
  if (seen !== undefined) return seen;
  firstSeen.set(key, now);
  return now;
}
