/** Marks the main-world observer's messages to the content script (window.postMessage). */
export const TRAFFIC_SOURCE = 'erp-sync-watch/page-traffic';

/**
 * JSON bodies longer than this are neither read to the end nor posted. A page's whole list of
 * 5,000 disbursements (the longest the traffic receiver takes) is ~2.8 MB where each record is
 * whole; at 512 KB a list of 1,000 was dropped, and every row it showed waited for a read.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * One same-origin request the page made and the JSON it got back, as text: a string crosses to
 * the content script's world in one copy, where a parsed list of 1,000 disbursements took 3–5 ms
 * to rebuild there (measured on the sandbox's list). A page can post the same shape itself: the
 * content script treats it as an untrusted hint.
 */
export interface TrafficObservation {
  source: typeof TRAFFIC_SOURCE;
  method: string;
  path: string;
  /** The URL's search part, `?` included ('' when none). */
  query: string;
  status: number;
  /** The answer's body, JSON that has not been parsed yet. */
  text: string;
}
