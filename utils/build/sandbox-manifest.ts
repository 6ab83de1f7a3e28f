// The local Procore sandbox (test/sim) serves on loopback. Only the `sandbox` build mode may
// reach it; production builds and their zips never carry these origins.
export const SANDBOX_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

interface ManifestLike {
  name?: string;
  host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}

export function sandboxManifest(manifest: ManifestLike): void {
  manifest.name = `${manifest.name ?? 'ERP Sync Watch'} (sandbox)`;
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...SANDBOX_ORIGINS];
  for (const script of manifest.content_scripts ?? []) {
    const loopback = (script.matches ?? []).flatMap((m) =>
      SANDBOX_ORIGINS.map((origin) => origin.replace(/\/\*$/, '') + m.replace(/^[^:]+:\/\/[^/]+/, '')),
    );
    script.matches = [...new Set([...(script.matches ?? []), ...loopback])];
  }
}
