import type { SimStore } from '../store';
import type { SimUser } from '../store-records';
import type { SimVariant } from '../variant';
import type { ApiResult } from './http-io';

export interface RouteContext {
  store: SimStore;
  user: SimUser;
  url: URL;
  /** The origin the request came to (127.0.0.1 or localhost): Link headers point back to it. */
  origin: string;
  body: Record<string, unknown>;
  /** The company of a company-scoped request, checked against the user (0 for none). */
  companyId: number;
  variant: SimVariant;
}

/**
 * How a route finds its company. none: any signed-in user; header: `Procore-Company-Id` names it
 * (public API); path+header: the path's company, and the header must name the same one (public
 * API under /companies/{id}); path: the path alone, as the pages' internal endpoints have it.
 */
export type CompanyScope = 'none' | 'header' | 'path+header' | 'path';

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** Anchored; with a company in the path, the first capture is its id. */
  pattern: RegExp;
  company: CompanyScope;
  /** Only a Payments Admin or Disburser (the Payments tool's own endpoints). */
  paymentsRole?: boolean;
  /** Procore's partner-gated ERP API: a company without access answers 403 or 404. */
  erpApi?: boolean;
  /** A write from a page: needs the session's CSRF token (header X-CSRF-Token or authenticity_token). */
  csrf?: boolean;
  handle(ctx: RouteContext, params: string[]): ApiResult;
}

export interface RouteMatch {
  route: ApiRoute;
  pathCompanyId?: number;
  params: string[];
}

export function matchRoute(routes: readonly ApiRoute[], method: string, path: string): RouteMatch | 'wrong_method' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const inPath = route.company === 'path' || route.company === 'path+header';
    return { route, pathCompanyId: inPath ? Number(m[1]) : undefined, params: m.slice(inPath ? 2 : 1).map((p) => decodeURIComponent(p)) };
  }
  return pathMatched ? 'wrong_method' : undefined;
}
