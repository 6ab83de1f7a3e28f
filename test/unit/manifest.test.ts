import { describe, expect, it } from 'vitest';
import { sandboxManifest, SANDBOX_ORIGINS } from '../../utils/build/sandbox-manifest';

describe('sandboxManifest', () => {
  it('adds loopback origins to host permissions and content-script matches', () => {
    const manifest = {
      name: 'ERP Sync Watch',
      host_permissions: ['https://*.procore.com/*'],
      content_scripts: [{ matches: ['https://*.procore.com/*/company/payments*'] }],
    };
    sandboxManifest(manifest);
    expect(manifest.name).toBe('ERP Sync Watch (sandbox)');
    expect(manifest.host_permissions).toEqual(['https://*.procore.com/*', ...SANDBOX_ORIGINS]);
    expect(manifest.content_scripts[0]?.matches).toEqual([
      'https://*.procore.com/*/company/payments*',
      'http://127.0.0.1/*/company/payments*',
      'http://localhost/*/company/payments*',
    ]);
  });
});
