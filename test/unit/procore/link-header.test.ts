import { describe, expect, it } from 'vitest';
import { nextLink, rebaseLink } from '../../../utils/procore/link-header';

describe('paging links', () => {
  it('rebases a link naming another Procore host onto the origin in use', () => {
    const link = '<https://api.procore.com/rest/v1.0/contract_payments?page=2&project_id=5>; rel="next", <https://api.procore.com/rest/v1.0/contract_payments?page=9>; rel="last"';
    expect(rebaseLink(nextLink(link)!, 'https://us02.procore.com')).toBe('https://us02.procore.com/rest/v1.0/contract_payments?page=2&project_id=5');
  });

  it('keeps relative links and refuses a link off Procore', () => {
    expect(rebaseLink('/rest/v1.0/companies?page=3', 'http://127.0.0.1:4780')).toBe('http://127.0.0.1:4780/rest/v1.0/companies?page=3');
    expect(rebaseLink('https://evil.example/rest/v1.0/companies?page=2', 'https://app.procore.com')).toBeNull();
    expect(rebaseLink('https://procore.com.evil.example/x', 'https://app.procore.com')).toBeNull();
  });
});
