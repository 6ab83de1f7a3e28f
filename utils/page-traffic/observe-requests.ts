import { MAX_BODY_BYTES, TRAFFIC_SOURCE, type TrafficObservation } from './observation';

type PageWindow = Window & typeof globalThis;
type Post = (observation: Omit<TrafficObservation, 'source'>) => void;
interface Sent {
  method: string;
  url: URL;
}

/**
 * Main world: watches the page's own `fetch` and XMLHttpRequest without changing them (the same
 * return values, errors and timing; the page reads its own response, we read a clone), and posts
 * the text of each same-origin answer that starts like JSON to the content script, which parses
 * it. Headers and cookies are never read.
 */
export function observePageRequests(win: PageWindow): void {
  const post: Post = (observation) => win.postMessage({ source: TRAFFIC_SOURCE, ...observation }, win.location.origin);
  observeFetch(win, post);
  observeXhr(win, post);
}

function sameOrigin(win: PageWindow, url: unknown): URL | null {
  if (typeof url !== 'string' && !(url instanceof win.URL)) return null;
  if (!URL.canParse(url, win.location.href)) return null;
  const parsed = new URL(url, win.location.href);
  return parsed.origin === win.location.origin ? parsed : null;
}

function observeFetch(win: PageWindow, post: Post): void {
  const original = win.fetch;
  if (typeof original !== 'function') return;
  win.fetch = function fetch(this: unknown, ...args: Parameters<typeof original>) {
    // Called first and returned as is: the page gets its own promise, errors included.
    const result = original.apply(this, args);
    const sent = quietly(() => fetchRequest(win, args));
    if (sent) {
      // Registered before the page's own reactions, so the clone is taken before it reads the body.
      result.then(
        (response) =>
          readJson(response.clone()).then(
            (text) => text !== undefined && post({ ...describe(sent), status: response.status, text }),
            () => undefined,
          ),
        () => undefined,
      );
    }
    return result;
  };
}

function fetchRequest(win: PageWindow, [input, init]: Parameters<typeof fetch>): Sent | null {
  const isRequest = input instanceof win.Request;
  const url = sameOrigin(win, isRequest ? input.url : input);
  if (!url) return null;
  const method = init?.method ?? (isRequest ? input.method : 'GET');
  return { method: String(method).toUpperCase(), url };
}

function observeXhr(win: PageWindow, post: Post): void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return;
  const { open, send } = proto;
  const opened = new WeakMap<XMLHttpRequest, Sent>();
  proto.open = function (this: XMLHttpRequest, ...args: Parameters<typeof open>) {
    const result = open.apply(this, args);
    const url = quietly(() => sameOrigin(win, args[1]));
    if (url) opened.set(this, { method: String(args[0]).toUpperCase(), url });
    else opened.delete(this);
    return result;
  } as typeof open;
  proto.send = function (this: XMLHttpRequest, ...args: Parameters<typeof send>) {
    const sent = opened.get(this);
    if (sent) {
      this.addEventListener('loadend', ({ target }) => {
        const xhr = target as XMLHttpRequest;
        const text = quietly(() => xhrJson(xhr));
        if (text !== undefined && xhr.status > 0) post({ ...describe(sent), status: xhr.status, text });
      });
    }
    return send.apply(this, args);
  };
}

function describe({ method, url }: Sent) {
  return { method, path: url.pathname, query: url.search };
}

/** The answer's JSON text, or undefined when it is not JSON or too long. */
function xhrJson(xhr: XMLHttpRequest): string | undefined {
  const text = xhr.responseType === 'json' ? (xhr.response === null ? '' : JSON.stringify(xhr.response)) : xhr.responseType === '' || xhr.responseType === 'text' ? xhr.responseText : '';
  return text.length <= MAX_BODY_BYTES && /^\s*[[{]/.test(text) ? text : undefined;
}

/** The body's text, read from a clone; anything that does not start like JSON is dropped at its first chunk. */
async function readJson(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES || (chunks.length === 0 && !startsLikeJson(value))) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function startsLikeJson(chunk: Uint8Array): boolean {
  const first = chunk.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  return first === undefined || first === 0x7b || first === 0x5b; // { or [
}

/** Observing must never break the page: a failure here only loses the observation. */
function quietly<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}
