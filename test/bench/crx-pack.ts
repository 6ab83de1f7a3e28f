import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createHash, createPublicKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath } from '../../scripts/chromium-path';

export interface PackedExtension {
  crxPath: string;
  /** The id Chromium gives the extension: from the public key the CRX is signed with. */
  id: string;
  version: string;
  dir: string;
}

/** Chromium's extension id: the first 16 bytes of the key's SHA-256, each hex digit as a letter a–p. */
export function extensionIdFromPem(pem: string): string {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest().subarray(0, 16).toString('hex');
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * A CRX3 of a built extension, signed with a new key, made by Chromium itself
 * (`--pack-extension`, which needs no network): what a store or an enterprise serves.
 */
export function packExtension(buildDir: string): PackedExtension {
  if (!existsSync(path.join(buildDir, 'manifest.json'))) throw new Error(`No build at ${buildDir}: build it first.`);
  const work = mkdtempSync(path.join(tmpdir(), 'esw-crx-'));
  const dir = path.join(work, 'extension');
  cpSync(buildDir, dir, { recursive: true });
  execFileSync(chromiumPath(), ['--headless', '--no-sandbox', '--disable-gpu', `--pack-extension=${dir}`, `--user-data-dir=${path.join(work, 'profile')}`], {
    stdio: 'ignore',
    timeout: 60_000,
  });
  const crxPath = `${dir}.crx`;
  if (!existsSync(crxPath)) throw new Error(`chromium --pack-extension made no ${crxPath}`);
  const { version } = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { version: string };
  return { crxPath, id: extensionIdFromPem(readFileSync(`${dir}.pem`, 'utf8')), version, dir: work };
}
