import { describe, expect, it } from 'vitest';
import { sandboxManifest, SANDBOX_ORIGINS } from '../../utils/build/sandbox-manifest';
import { PROCORE_MATCHES } from '../../utils/page/match-patterns';

describe('sandboxManifest', () => {
  it('adds loopback origins to host permissions and to every content script (isolated and main world)', () => {
    const manifest = {
      name: 'ERP Sync Watch',
      host_permissions: ['https://*.procore.com/*'],
      content_scripts: [{ matches: [...PROCORE_MATCHES] }, { matches: [...PROCORE_MATCHES], world: 'MAIN' }],
    };
    sandboxManifest(manifest);
    expect(manifest.name).toBe('ERP Sync Watch (sandbox)');
    expect(manifest.host_permissions).toEqual(['https://*.procore.com/*', ...SANDBOX_ORIGINS]);
    for (const script of manifest.content_scripts) expect(script.matches).toEqual(['https://*.procore.com/*', ...SANDBOX_ORIGINS]);
  });

  it('keeps a narrower match narrow on loopback', () => {
    const manifest = { content_scripts: [{ matches: ['https://*.procore.com/*/company/payments*'] }] };
    sandboxManifest(manifest);
    expect(manifest.content_scripts[0]?.matches).toEqual([
      'https://*.procore.com/*/company/payments*',
      'http://127.0.0.1/*/company/payments*',
      'http://localhost/*/company/payments*',
    ]);
  });
});
