import { existsSync } from 'node:fs';

/** The Firefox the Firefox smoke test drives: FIREFOX_BIN, else Debian's ESR. */
export function firefoxPath(): string {
  return process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
}

export function hasFirefox(): boolean {
  return existsSync(firefoxPath());
}
