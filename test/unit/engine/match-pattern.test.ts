import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { matchesPattern } from '../../../utils/engine/match-pattern';

// WXT's MatchPattern (what the worker used before) is the oracle: same answers on every pair.
const PATTERNS = ['https://*.procore.com/*', 'http://127.0.0.1/*', 'http://localhost/*', '*://*.procore.com/*/company/*', 'https://app.procore.com/webclients/*'];
const URLS = [
  'https://app.procore.com/8089/company/payments/disbursements',
  'https://us02.procore.com/8089/company/erp_integrations?tab=failed#esw-fix=1',
  'https://procore.com/',
  'https://APP.Procore.com/8089/company/home',
  'http://app.procore.com/8089/company/home',
  'https://app.procore.com.evil.example/8089/company/home',
  'https://evilprocore.com/8089/company/home',
  'https://app.procore.com:8443/x',
  'https://user:pw@app.procore.com/8089/company/x',
  'https://app.procore.com/webclients/host/companies/8089/tools/payments',
  'http://127.0.0.1:4100/8089/company/payments',
  'http://127.0.0.2:4100/8089/company/payments',
  'http://localhost:4100/8089/company/erp_integrations',
  'http://localhost.evil.example/8089/company/erp_integrations',
  'chrome-extension://abc/popup.html',
  'file:///etc/passwd',
  'not a url',
];

describe('matchesPattern', () => {
  it('answers as WXT\'s MatchPattern does for our content scripts\' patterns', () => {
    for (const pattern of PATTERNS) {
      for (const url of URLS) {
        const expected = URL.canParse(url) && new MatchPattern(pattern).includes(url);
        expect([pattern, url, matchesPattern(pattern, url)]).toEqual([pattern, url, expected]);
      }
    }
  });

  it('matches nothing for a pattern it cannot read', () => {
    for (const pattern of ['<all_urls>', 'https://app.procore.com', 'ftp://*.procore.com/*', 'https://*procore.com/*', '']) {
      expect(matchesPattern(pattern, 'https://app.procore.com/8089/company/home')).toBe(false);
    }
  });
});
