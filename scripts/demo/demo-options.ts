import path from 'node:path';
import { parseArgs } from 'node:util';

export interface DemoOptions {
  /** Headed (a normal browser window until closed) or headless for a set time. */
  headless: boolean;
  /** How long a headless run lasts. */
  seconds: number;
  /** The sandbox's port; taken when free, else any free port (0: any free port). */
  port: number;
  /** Where screenshots go. */
  outDir: string;
  /** Seconds between two printings of the watch table. */
  every: number;
}

export const DEFAULT_PORT = 4780;
const DEFAULT_HEADLESS_SECONDS = 60;

/**
 * `npm run demo -- [--seconds N] [--headless|--headed] [--port N] [--out DIR] [--every S]`.
 * Without flags it is headed when a display is there (DISPLAY or WAYLAND_DISPLAY), else
 * headless for 60 seconds. Throws with a sentence on a bad flag.
 */
export function parseDemoOptions(argv: string[], env: NodeJS.ProcessEnv): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: 'string' },
      headless: { type: 'boolean' },
      headed: { type: 'boolean' },
      port: { type: 'string' },
      out: { type: 'string' },
      every: { type: 'string' },
    },
  });
  if (values.headless && values.headed) throw new Error('Choose one of --headless and --headed.');
  const hasDisplay = Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  const headless = values.headless ?? (values.headed ? false : !hasDisplay);
  if (!headless && !hasDisplay) throw new Error('--headed needs a display (DISPLAY or WAYLAND_DISPLAY is not set).');
  return {
    headless,
    seconds: positiveInt('seconds', values.seconds, DEFAULT_HEADLESS_SECONDS),
    port: values.port === '0' ? 0 : positiveInt('port', values.port, DEFAULT_PORT),
    outDir: path.resolve(values.out ?? '.output/demo'),
    every: positiveInt('every', values.every, 5),
  };
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number (got "${raw}").`);
  return n;
}
