import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client', 'main.ts');

const bundles = new Map<number, Promise<string>>();

/**
 * The pages' browser code for one variant (its internal endpoints are compiled in, as a real
 * web app's are), bundled from TypeScript with esbuild on first use and kept in memory for the
 * life of the process (about a tenth of a second per variant).
 */
export function clientBundle(variant: number): Promise<string> {
  const cached = bundles.get(variant);
  if (cached) return cached;
  const bundle = build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    legalComments: 'none',
    minify: true,
    logLevel: 'silent',
    define: { __SIM_VARIANT__: String(variant) },
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the sandbox pages');
    return file.text;
  });
  bundle.catch(() => {
    // A failed build is retried on the next request rather than cached.
    bundles.delete(variant);
  });
  bundles.set(variant, bundle);
  return bundle;
}
