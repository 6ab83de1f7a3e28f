// RFC 9110 IMF-fixdate, the form servers send: "Sun, 15 Nov 2026 17:40:05 GMT". The obsolete
// forms are not accepted: a header that cannot be read exactly is worse than no correction.
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * How far the server's clock is ahead of the local one (ms; negative when behind), from a
 * response's `Date` header and the local time the response arrived. Null when the header is
 * missing or malformed. The header has whole seconds and is stamped before the response
 * travels, so the server's time at receipt lies in [date, date + 1 s + latency): half a second
 * is added as the middle of the truncation.
 */
export function clockOffsetFromDateHeader(dateHeader: string | null | undefined, localReceivedAt: number): number | null {
  if (typeof dateHeader !== 'string' || !Number.isFinite(localReceivedAt)) return null;
  const text = dateHeader.trim();
  if (!IMF_FIXDATE.test(text)) return null;
  const serverMs = Date.parse(text);
  if (!Number.isFinite(serverMs)) return null;
  return serverMs + 500 - localReceivedAt;
}

/** The server's time now, from the local clock and the last known offset. */
export function serverNow(localNow: number, offsetMs: number): number {
  return localNow + offsetMs;
}

/** The local time at which a server time occurs: where a local alarm for a server deadline goes. */
export function toLocalTime(serverTime: number, offsetMs: number): number {
  return serverTime - offsetMs;
}
