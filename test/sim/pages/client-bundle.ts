import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client', 'main.ts');

let bundle: Promise<string> | null = null;

/**
 * The pages' browser code, bundled from TypeScript with esbuild on first use and kept in
 * memory for the life of the process (about a tenth of a second, once).
 */
export function clientBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    legalComments: 'none',
    minify: true,
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the sandbox pages');
    return file.text;
  });
  bundle.catch(() => {
    // A failed build is retried on the next request rather than cached.
    bundle = null;
  });
  return bundle;
}
