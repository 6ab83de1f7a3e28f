import type { BrowserContext, Request } from 'playwright-core';

export interface LoggedRequest {
  url: string;
  method: string;
  /** 'service_worker' when the extension's worker sent it. */
  from: 'page' | 'service_worker';
  /** When it was sent (epoch ms, test runner's clock). */
  at: number;
}

/**
 * Every request the browser makes in a context, pages and service workers alike (Playwright
 * reports a worker's fetches on the context when PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS is
 * set before launch).
 */
export function logRequests(context: BrowserContext): LoggedRequest[] {
  const log: LoggedRequest[] = [];
  context.on('request', (request: Request) => {
    log.push({ url: request.url(), method: request.method(), from: request.serviceWorker() ? 'service_worker' : 'page', at: Date.now() });
  });
  return log;
}
