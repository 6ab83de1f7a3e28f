import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

const POLICY_DIR = '/etc/chromium/policies/managed';

/** The id Chromium gives an unpacked extension: the SHA-256 of its path, in the letters a–p. */
export function unpackedExtensionId(dir: string): string {
  return [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Enterprise policy for one extension: Chromium reads `/etc/chromium/policies/managed/*.json`
 * (the `3rdparty` section, keyed by extension id) at start and again when a file there changes.
 * Keyed by a private build's id, it touches no other browser. `write` may be called again.
 */
export function extensionPolicy(extensionDir: string): { id: string; write(values: Record<string, unknown>): void; remove(): void } {
  const id = unpackedExtensionId(extensionDir);
  const file = path.join(POLICY_DIR, `erp-sync-watch-e2e-${id}.json`);
  return {
    id,
    write(values) {
      mkdirSync(POLICY_DIR, { recursive: true });
      writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: values } } }));
    },
    remove: () => rmSync(file, { force: true }),
  };
}
