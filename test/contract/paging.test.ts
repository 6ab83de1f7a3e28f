import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DisbursementSchema } from '../../utils/domain/schemas/disbursement';
import { contractTarget } from './contract-target';

const target = contractTarget();
const list = () => `/rest/v1.0/companies/${target.companyId}/payments/disbursements`;

function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part.trim());
    if (m) out[m[2]!] = m[1]!;
  }
  return out;
}

describe('paging', () => {
  it('walks every page through Link rel="next" and finds Total records, each once', async () => {
    await target.control('POST', '/disbursements', { payouts: [{}] });
    await target.control('POST', '/disbursements', { payouts: [{}], status: 'draft' });
    await target.control('POST', '/disbursements', { payouts: [{}], status: 'authorized' });
    let url: string | undefined = `${target.origin}${list()}?per_page=2`;
    const seen: string[] = [];
    let total = -1;
    for (let page = 1; url && page <= 50; page++) {
      const response = await target.api(url.slice(target.origin.length));
      expect(response.status).toBe(200);
      expect(response.headers.get('per-page')).toBe('2');
      total = Number(response.headers.get('total'));
      const rels = links(response.headers.get('link'));
      expect(rels.last).toBeDefined();
      expect(new URL(rels.last!).searchParams.get('page')).toBe(String(Math.ceil(total / 2)));
      seen.push(...z.array(DisbursementSchema).parse(await response.json()).map((d) => d.id));
      url = rels.next;
    }
    expect(total).toBeGreaterThanOrEqual(5);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('a page past the last is empty, and keeps Total', async () => {
    const response = await target.api(`${list()}?per_page=2000&page=99`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
    expect(Number(response.headers.get('total'))).toBeGreaterThan(0);
    expect(links(response.headers.get('link')).next).toBeUndefined();
  });

  it('per_page up to 2000; beyond, or a page that is not a positive integer, is 422', async () => {
    expect((await target.api(`${list()}?per_page=2000`)).status).toBe(200);
    for (const query of ['per_page=2001', 'per_page=0', 'page=0', 'page=abc', 'per_page=-1']) {
      const response = await target.api(`${list()}?${query}`);
      expect(response.status, query).toBe(422);
      expect(await response.json()).toHaveProperty('errors');
    }
  });

  it('every list endpoint pages the same way', async () => {
    const d = (await target.control('POST', '/disbursements', { payouts: [{}] })) as { payouts: { metadata: { projectId: string } }[] };
    const lists = [
      '/rest/v1.0/companies',
      `/rest/v1.0/companies/${target.companyId}/payments/funding_accounts`,
      `/rest/v1.0/companies/${target.companyId}/erp_integrations/bank_accounts`,
      `/rest/v1.0/companies/${target.companyId}/erp_request_details`,
      `/rest/v1.1/requisitions?project_id=${d.payouts[0]!.metadata.projectId}`,
    ];
    for (const path of lists) {
      const response = await target.api(`${path}${path.includes('?') ? '&' : '?'}per_page=1`);
      expect(response.status, path).toBe(200);
      const total = Number(response.headers.get('total'));
      expect(total, path).toBeGreaterThan(0);
      expect(response.headers.get('per-page'), path).toBe('1');
      expect((await response.json()) as unknown[]).toHaveLength(1);
      const rels = links(response.headers.get('link'));
      expect(new URL(rels.last!).searchParams.get('page'), path).toBe(String(total));
      if (total > 1) expect(new URL(rels.next!).searchParams.get('page'), path).toBe('2');
    }
  });

  it('filters survive in the Link URLs', async () => {
    const response = await target.api(`${list()}?per_page=1&filters[status][]=FUNDING_COMPLETED_AWAITING_PAYOUTS&filters[status][]=PAYOUT_COMPLETED`);
    const next = links(response.headers.get('link')).last;
    expect(next).toBeDefined();
    expect(new URL(next!).searchParams.getAll('filters[status][]')).toEqual(['FUNDING_COMPLETED_AWAITING_PAYOUTS', 'PAYOUT_COMPLETED']);
  });
});
