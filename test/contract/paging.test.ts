import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContractPaymentSchema } from './contract-schemas';
import { contractTarget } from './contract-target';

const target = contractTarget();

function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part.trim());
    if (m) out[m[2]!] = m[1]!;
  }
  return out;
}

let contracts = 0;
/** A new contract with five payments: five payouts to one new beneficiary on one project. */
async function contractWithPayments(): Promise<string> {
  const beneficiaryName = `Paging Co ${++contracts}`;
  const d = await target.control<{ payouts: { metadata: { projectId: number; contractId: number } }[] }>('POST', '/disbursements', {
    payouts: Array.from({ length: 5 }, () => ({ beneficiaryName })),
  });
  const { projectId, contractId } = d.payouts[0]!.metadata;
  return `/rest/v1.0/contract_payments?project_id=${projectId}&contract_id=${contractId}`;
}

describe('paging', () => {
  it('walks every page through Link rel="next" and finds Total records, each once', async () => {
    const list = await contractWithPayments();
    let url: string | undefined = `${target.origin}${list}&per_page=2`;
    const seen: number[] = [];
    let total = -1;
    for (let page = 1; url && page <= 50; page++) {
      const response = await target.api(url.slice(target.origin.length));
      expect(response.status).toBe(200);
      expect(response.headers.get('per-page')).toBe('2');
      total = Number(response.headers.get('total'));
      const rels = links(response.headers.get('link'));
      expect(new URL(rels.last!).searchParams.get('page')).toBe(String(Math.ceil(total / 2)));
      seen.push(...z.array(ContractPaymentSchema).parse(await response.json()).map((c) => c.id));
      url = rels.next;
    }
    expect(total).toBe(5);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('Link points back to the host the request came to (127.0.0.1 or localhost)', async () => {
    const local = target.origin.replace('127.0.0.1', 'localhost');
    const response = await fetch(`${local}/rest/v1.0/companies?per_page=1`, { headers: { Cookie: target.cookie } });
    expect(response.status).toBe(200);
    expect(new URL(links(response.headers.get('link')).next!).origin).toBe(local);
  });

  it('a page past the last is empty, and keeps Total', async () => {
    const list = await contractWithPayments();
    const response = await target.api(`${list}&per_page=2000&page=99`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
    expect(Number(response.headers.get('total'))).toBe(5);
    expect(links(response.headers.get('link')).next).toBeUndefined();
  });

  it('per_page up to 2000; beyond, or a page that is not a positive integer, is 422', async () => {
    const list = await contractWithPayments();
    expect((await target.api(`${list}&per_page=2000`)).status).toBe(200);
    for (const query of ['per_page=2001', 'per_page=0', 'page=0', 'page=abc', 'per_page=-1']) {
      const response = await target.api(`${list}&${query}`);
      expect(response.status, query).toBe(422);
      expect(await response.json()).toHaveProperty('errors');
    }
  });

  it('every list endpoint pages the same way', async () => {
    const d = await target.control<{ payouts: { metadata: { projectId: number } }[]; contractPaymentIds: string[] }>('POST', '/disbursements', { payouts: [{ beneficiaryName: 'Lists Co', delayFraction: 0 }] });
    const lists = [
      '/rest/v1.0/companies',
      `/rest/v1.0/projects?company_id=${target.companyId}`,
      await contractWithPayments(),
      `/rest/v1.0/companies/${target.companyId}/erp_request_details?filters[item_id]=${d.contractPaymentIds[0]}`,
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
    const d = await target.control<{ payouts: { metadata: { projectId: number } }[] }>('POST', '/disbursements', { payouts: [{}, {}] });
    const response = await target.api(`/rest/v1.1/requisitions?project_id=${d.payouts[0]!.metadata.projectId}&per_page=1&filters[status]=approved&view=extended`);
    const last = links(response.headers.get('link')).last;
    expect(new URL(last!).searchParams.get('filters[status]')).toBe('approved');
    expect(new URL(last!).searchParams.get('view')).toBe('extended');
  });
});
