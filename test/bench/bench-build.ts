import path from 'node:path';
import { build } from 'wxt';
import { sandboxManifest } from '../../utils/build/sandbox-manifest';

const quiet = () => undefined;
// Warnings and errors still show; WXT's progress lines would interleave with the bench's own.
const QUIET = { debug: quiet, log: quiet, info: quiet, success: quiet, box: quiet, warn: console.warn, error: console.error, fatal: console.error, level: 3 } as never;

export const BENCH_EXTENSION_DIR = path.resolve('.output/chrome-mv3-bench');

/**
 * The production build (minified, React's production build) with the sandbox's loopback origins
 * added to its manifest, in a directory of its own. The `sandbox` mode build would not do for
 * timing: WXT defines process.env.NODE_ENV as the mode, so it carries React's development build.
 */
export async function buildBenchExtension(): Promise<string> {
  await build({
    mode: 'production',
    browser: 'chrome',
    manifestVersion: 3,
    outDirTemplate: 'chrome-mv3-bench',
    logger: QUIET,
    hooks: { 'build:manifestGenerated': (_wxt, manifest) => sandboxManifest(manifest) },
  });
  return BENCH_EXTENSION_DIR;
}
