// Makes sure the browsers a command drives are there before it starts: `chromium` (the demo, the
// browser tests) and `firefox` (the Firefox smoke test). Never downloads a browser build of its
// own: on Debian as root it installs Debian's packages, saying so; elsewhere it stops and says
// exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath, hasChromium } from './chromium-path';
import { firefoxPath, hasFirefox } from './firefox-path';

interface Browser {
  path: () => string;
  present: () => boolean;
  envVar: string;
  aptPackage: string;
}

const BROWSERS: Record<string, Browser> = {
  chromium: { path: chromiumPath, present: hasChromium, envVar: 'CHROME_PATH', aptPackage: 'chromium' },
  firefox: { path: firefoxPath, present: hasFirefox, envVar: 'FIREFOX_BIN', aptPackage: 'firefox-esr' },
};

const wanted = process.argv.slice(2).map((name) => {
  const browser = BROWSERS[name];
  if (!browser) throw new Error(`Unknown browser "${name}": use ${Object.keys(BROWSERS).join(' or ')}.`);
  return browser;
});
const missing = wanted.filter((browser) => !browser.present());

for (const browser of missing) {
  if (process.env[browser.envVar]) {
    console.error(`${browser.envVar} is set to ${process.env[browser.envVar]}, but nothing is there.`);
    process.exit(1);
  }
}
if (missing.length > 0) {
  const packages = missing.map((browser) => browser.aptPackage);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) {
    console.error(
      `Missing: ${missing.map((b) => b.path()).join(', ')}. Install ${packages.join(' and ')} ` +
        `(on Debian or Ubuntu: \`sudo apt-get install -y ${packages.join(' ')}\`) or point ` +
        `${missing.map((b) => b.envVar).join(' / ')} at the binary, then run the command again.`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian's ${packages.join(' and ')} with apt-get (not found at ${missing.map((b) => b.path()).join(', ')})…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  for (const browser of missing) {
    if (!browser.present()) {
      console.error(`Installed, but still nothing at ${browser.path()}.`);
      process.exit(1);
    }
  }
}
