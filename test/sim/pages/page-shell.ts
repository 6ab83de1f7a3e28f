import { ASSET_PATHS } from './static-assets';

export type GridLayoutSetting = 'current' | 'legacy';

/**
 * The HTML every page route answers with: an empty app element and the scripts that draw the
 * page from the REST API. Nothing of the user's data is in it, so nothing needs escaping here.
 */
export function pageShell(gridLayout: GridLayoutSetting): string {
  return `<!doctype html>
<html lang="en" data-grid-layout="${gridLayout === 'legacy' ? 'legacy' : 'current'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Procore</title>
<link rel="stylesheet" href="${ASSET_PATHS.styles}">
<script src="${ASSET_PATHS.agGrid}" defer></script>
<script src="${ASSET_PATHS.app}" defer></script>
</head>
<body>
<div id="app"><p class="loading">Loading…</p></div>
</body>
</html>
`;
}
