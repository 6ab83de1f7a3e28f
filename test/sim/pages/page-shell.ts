import { escapeHtml } from '../html-escape';
import { ASSET_PATHS } from './static-assets';

export type GridLayoutSetting = 'current' | 'legacy';
export type ErpTabKind = 'html' | 'grid';

export interface ShellOptions {
  gridLayout: GridLayoutSetting;
  erpTab: ErpTabKind;
  /** The session's authenticity token: the pages send it with every write, as Rails pages do. */
  csrfToken: string;
  companyId: string;
}

/**
 * Rails' head of every Procore page: the CSRF meta tags, and `window.Procore.Environment` with
 * the company (main world only, as Procore sets it).
 */
export function procoreHead(options: { csrfToken: string; companyId: string; title: string }): string {
  const environment = JSON.stringify({ companyId: Number(options.companyId), baseUrl: `/${options.companyId}/company/` });
  return `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-param" content="authenticity_token">
<meta name="csrf-token" content="${escapeHtml(options.csrfToken)}">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="${ASSET_PATHS.styles}">
<script>window.Procore = { Environment: ${environment} };</script>`;
}

/**
 * The HTML every single-page route answers with: an empty app element and the scripts that draw
 * the page. Nothing of the user's data is in it beyond the company id and the session's token.
 */
export function pageShell(options: ShellOptions): string {
  return `<!doctype html>
<html lang="en" data-grid-layout="${options.gridLayout === 'legacy' ? 'legacy' : 'current'}" data-erp-tab="${options.erpTab === 'grid' ? 'grid' : 'html'}">
<head>
${procoreHead({ csrfToken: options.csrfToken, companyId: options.companyId, title: 'Procore' })}
<script src="${ASSET_PATHS.agGrid}" defer></script>
<script src="${ASSET_PATHS.app}" defer></script>
</head>
<body>
<div id="app"><p class="loading">Loading…</p></div>
</body>
</html>
`;
}
