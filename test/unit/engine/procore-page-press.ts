import { csrfTokenFor, internalEndpointsOf, sessionCookieFor } from '../../sim/testing';

/**
 * What Procore's own pages send when a person presses their buttons (the content script's
 * side, which this suite does not run): the server-rendered Failed to Export row's Export form,
 * and Edit Account Details' save. The sandbox's ledger judges what reached the ERP.
 */
export async function pressProcoreExport(origin: string, contractPaymentId: string, values: { checkNumber?: number; bankId?: string } = {}, companyId = '8089'): Promise<void> {
  const cookie = await sessionCookieFor(origin);
  const form = new URLSearchParams({ authenticity_token: await csrfTokenFor(origin, cookie, Number(companyId)), view: 'failed_to_export' });
  if (values.checkNumber !== undefined) form.set('check_number', String(values.checkNumber));
  if (values.bankId !== undefined) form.set('bank_id', values.bankId);
  const response = await fetch(`${origin}/${companyId}/company/erp_integrations/contract_payments/${contractPaymentId}/export`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  if (response.status !== 303) throw new Error(`Export form: HTTP ${response.status}`);
}

export async function saveNextCheckNumber(origin: string, fundingAccountId: string, nextCheckNumber: number, companyId = '8089'): Promise<void> {
  const cookie = await sessionCookieFor(origin);
  const variant = await internalEndpointsOf(origin);
  const response = await fetch(`${origin}${variant.prefix.replace('{company}', companyId)}/${variant.fundingAccounts}/${encodeURIComponent(fundingAccountId)}`, {
    method: variant.fundingAccountWrite,
    headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': await csrfTokenFor(origin, cookie, Number(companyId)) },
    body: JSON.stringify({ nextCheckNumber }),
  });
  if (!response.ok) throw new Error(`Edit Account Details: HTTP ${response.status} ${await response.text()}`);
}
