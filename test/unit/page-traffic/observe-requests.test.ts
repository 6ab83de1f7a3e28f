// @vitest-environment jsdom
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { observePageRequests } from '../../../utils/page-traffic/observe-requests';
import { TRAFFIC_SOURCE } from '../../../utils/page-traffic/observation';

// A real HTTP server (CORS open, so jsdom's own XMLHttpRequest may reach it from its origin).
const DISBURSEMENTS = [{ id: 7, disbursementIdentifier: 'D-7', status: 'FUNDING_REQUESTED' }];
let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.url?.startsWith('/rest/v1.0/disbursements')) {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(DISBURSEMENTS));
    } else if (req.url?.startsWith('/list?')) {
      // About as long per record as a disbursement in the sandbox's list (~560 bytes).
      const count = Number(new URL(req.url, 'http://x').searchParams.get('n'));
      const records = Array.from({ length: count }, (_, i) => ({ id: i, disbursementIdentifier: i, status: 'PAYOUT_COMPLETED', name: 'x'.repeat(500) }));
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(records));
    } else if (req.url === '/broken') {
      res.statusCode = 500;
      res.end('{"error":"boom"}');
    } else {
      res.setHeader('Content-Type', 'text/html');
      res.end('<!doctype html><p>not json</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A page window on the server's origin: its own fetch and XMLHttpRequest, a postMessage spy. */
function pageWindow(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  class PageXhr extends XMLHttpRequest {}
  const postMessage = vi.fn();
  const win = { fetch: fetchImpl, Request, URL, XMLHttpRequest: PageXhr, location: { href: `${origin}/8089/company/payments`, origin }, postMessage };
  return { win, postMessage, observe: () => observePageRequests(win as unknown as Window & typeof globalThis) };
}

/** What was posted, its text parsed back (it crosses to the content script as text). */
const posted = (postMessage: ReturnType<typeof vi.fn>) =>
  postMessage.mock.calls.map(([message]) => {
    const { text, ...rest } = message as Record<string, unknown>;
    expect(typeof text).toBe('string');
    return { ...rest, body: JSON.parse(text as string) as unknown };
  });

describe('fetch, observed', () => {
  it('returns the page the very promise its fetch returned, and posts the JSON it got', async () => {
    const returned: Promise<Response>[] = [];
    const { win, postMessage, observe } = pageWindow((...args) => {
      const promise = fetch(...args);
      returned.push(promise);
      return promise;
    });
    const plain = await (await win.fetch(`${origin}/rest/v1.0/disbursements?company_id=8089`)).json();
    observe();
    const promise = win.fetch(`${origin}/rest/v1.0/disbursements?company_id=8089`);
    expect(promise).toBe(returned[1]);
    const response = await promise;
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual(plain);
    await vi.waitFor(() => expect(postMessage).toHaveBeenCalledTimes(1));
    expect(posted(postMessage)).toEqual([
      { source: TRAFFIC_SOURCE, method: 'GET', path: '/rest/v1.0/disbursements', query: '?company_id=8089', status: 200, body: DISBURSEMENTS },
    ]);
    expect(postMessage.mock.calls[0]![1]).toBe(origin);
  });

  it('gives the page its own errors: the same rejected promise, the same thrown error', async () => {
    const failure = Promise.reject(new TypeError('Failed to fetch'));
    failure.catch(() => undefined);
    const thrown = new TypeError('Illegal invocation');
    let next: 'reject' | 'throw' = 'reject';
    const { win, postMessage, observe } = pageWindow(() => {
      if (next === 'throw') throw thrown;
      return failure;
    });
    observe();
    const result = win.fetch(`${origin}/rest/v1.0/disbursements`);
    expect(result).toBe(failure);
    await expect(result).rejects.toThrow('Failed to fetch');
    next = 'throw';
    expect(() => win.fetch(`${origin}/rest/v1.0/disbursements`)).toThrow(thrown);
    expect(postMessage).not.toHaveBeenCalled();
  });

  it("posts a 5,000-disbursement list whole (a page's longest), and nothing of a body past the cap", async () => {
    const { win, postMessage, observe } = pageWindow();
    observe();
    const list = (await (await win.fetch(`${origin}/list?n=5000`)).json()) as unknown[];
    await vi.waitFor(() => expect(postMessage).toHaveBeenCalledTimes(1));
    expect((posted(postMessage)[0]!.body as unknown[]).length).toBe(list.length);
    expect(JSON.stringify(list).length).toBeGreaterThan(2_500_000);
    const tooLong = (await (await win.fetch(`${origin}/list?n=8000`)).json()) as unknown[];
    expect(tooLong).toHaveLength(8000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(postMessage).toHaveBeenCalledTimes(1);
  });

  it('posts nothing for other origins or bodies that are not JSON, and never reads headers', async () => {
    const headerReads = vi.fn();
    const { win, postMessage, observe } = pageWindow(async (...args) => {
      const response = await fetch(...args);
      const headers = response.headers;
      Object.defineProperty(response, 'headers', { get: () => (headerReads(), headers) });
      return response;
    });
    observe();
    expect(await (await win.fetch(`${origin}/page`)).text()).toBe('<!doctype html><p>not json</p>');
    await (await win.fetch(`${origin.replace('127.0.0.1', 'localhost')}/rest/v1.0/disbursements`)).json();
    const broken = await win.fetch(new Request(`${origin}/broken`, { method: 'post' }));
    expect(await broken.json()).toEqual({ error: 'boom' });
    await vi.waitFor(() => expect(postMessage).toHaveBeenCalledTimes(1));
    expect(posted(postMessage)).toEqual([{ source: TRAFFIC_SOURCE, method: 'POST', path: '/broken', query: '', status: 500, body: { error: 'boom' } }]);
    expect(headerReads).not.toHaveBeenCalled();
  });
});

describe('XMLHttpRequest, observed', () => {
  /** What the page sees of one request: each event in order with the state it saw then. */
  function request(Xhr: typeof XMLHttpRequest, url: string): Promise<string[]> {
    return new Promise((resolve) => {
      const xhr = new Xhr();
      const seen: string[] = [];
      for (const type of ['readystatechange', 'load', 'loadend'] as const) {
        xhr.addEventListener(type, () => {
          seen.push(`${type} ${xhr.readyState} ${xhr.status} ${xhr.readyState === 4 ? xhr.responseText : ''}`);
          if (type === 'loadend') resolve(seen);
        });
      }
      xhr.open('GET', url);
      xhr.send();
    });
  }

  it('the page sees the same events, states and text with the observer as without, and the JSON is posted', async () => {
    const { win, postMessage, observe } = pageWindow();
    const url = `${origin}/rest/v1.0/disbursements?page=2`;
    const without = await request(win.XMLHttpRequest, url);
    const getHeader = vi.spyOn(XMLHttpRequest.prototype, 'getResponseHeader');
    const getHeaders = vi.spyOn(XMLHttpRequest.prototype, 'getAllResponseHeaders');
    observe();
    const withObserver = await request(win.XMLHttpRequest, url);
    expect(withObserver).toEqual(without);
    expect(without.at(-1)).toBe(`loadend 4 200 ${JSON.stringify(DISBURSEMENTS)}`);
    expect(posted(postMessage)).toEqual([
      { source: TRAFFIC_SOURCE, method: 'GET', path: '/rest/v1.0/disbursements', query: '?page=2', status: 200, body: DISBURSEMENTS },
    ]);
    expect(getHeader).not.toHaveBeenCalled();
    expect(getHeaders).not.toHaveBeenCalled();
  });

  it('keeps open() errors as they were', () => {
    const { win, observe } = pageWindow();
    const before = (() => {
      try {
        new win.XMLHttpRequest().open('NOT A METHOD', '/x');
      } catch (error) {
        return error as Error;
      }
    })();
    observe();
    expect(() => new win.XMLHttpRequest().open('NOT A METHOD', '/x')).toThrow(before!.message);
  });
});
