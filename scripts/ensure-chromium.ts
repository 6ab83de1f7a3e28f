// Makes sure a Chromium is there before the demo or the browser tests start. Never downloads a
// browser build of its own: on Debian as root it installs Debian's package, saying so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath, hasChromium } from './chromium-path';

if (!hasChromium()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but nothing is there.`);
    process.exit(1);
  }
  if (isRoot && isDebian) {
    console.log('No Chromium at /usr/bin/chromium: installing Debian\'s package "chromium" with apt-get…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      'No Chromium found. Install one (on Debian or Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or point CHROME_PATH at a Chromium or Chrome binary, then run the command again.',
    );
    process.exit(1);
  }
  if (!hasChromium()) {
    console.error(`Installed, but still no Chromium at ${chromiumPath()}.`);
    process.exit(1);
  }
}
