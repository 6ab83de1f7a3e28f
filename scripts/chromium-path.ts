import { existsSync } from 'node:fs';

/** The Chromium the demo and browser tests drive: CHROME_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export function hasChromium(): boolean {
  return existsSync(chromiumPath());
}
