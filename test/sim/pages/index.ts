import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeText } from '../api/http-io';
import type { PageContext } from '../page-context';
import { pageShell, type GridLayoutSetting } from './page-shell';
import { parsePageRoute } from './page-route';
import { handlePagesApi } from './pages-api';
import { staticAsset } from './static-assets';

/** The server's context, and the sandbox's setting for the Disbursements table's layout. */
export type PageRequestContext = PageContext & { gridLayout?: GridLayoutSetting };

const notFound = (res: ServerResponse, text: string) => writeText(res, 404, text, { 'Content-Type': 'text/plain; charset=utf-8' });

/**
 * The sandbox's Procore pages: page shells for the Payments and ERP Integrations URL shapes,
 * their scripts and styles, and the page-only endpoints under `/pages-api/`. The server hands
 * it every request it does not answer itself; anything else is a 404.
 */
export async function handlePageRequest(req: IncomingMessage, res: ServerResponse, ctx: PageRequestContext): Promise<void> {
  const { url, store, user } = ctx;
  if (await handlePagesApi(req, res, url, store, user)) return;
  if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res, 'Not found');

  const asset = await staticAsset(url.pathname);
  if (asset) return writeText(res, 200, asset.body, { 'Content-Type': asset.type });
  const route = parsePageRoute(url.pathname, url.search);
  if (!route) return notFound(res, 'This page is not part of the Procore sandbox.');
  if (!user) {
    res.writeHead(302, { Location: `/login?return_to=${encodeURIComponent(`${url.pathname}${url.search}`)}`, 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  if (!user.companyIds.includes(Number(route.companyId)) || !store.company(Number(route.companyId))) {
    return notFound(res, 'This company is not in the Procore sandbox, or you cannot see it.');
  }
  writeText(res, 200, pageShell(ctx.gridLayout ?? 'current'), { 'Content-Type': 'text/html; charset=utf-8' });
}
