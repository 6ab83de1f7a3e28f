import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody, writeJson } from '../api/http-io';
import { SimHttpError } from '../sim-error';
import type { PageContext } from '../page-context';
import type { SimStore } from '../store';
import type { SimInvoice, SimUser } from '../store-records';

/**
 * The page-only endpoints of the sandbox's web app, under `/pages-api/companies/{id}/...`.
 * Procore's web app has internal endpoints of its own for what the public contract does not
 * cover: the Subcontractor Invoices tab's rows, the names behind ids (projects, who created a
 * disbursement), and creating and authorizing disbursements. They read and change the same
 * store as the REST API, through its public methods; they are never part of the extension's
 * client. Writes carry the page's CSRF token (X-CSRF-Token), as every write from a page does.
 */
export const PAGES_API_PREFIX = '/pages-api/companies/';

const NewDisbursementSchema = z.object({
  name: z.string(),
  fundingAccountId: z.string().min(1),
  payments: z
    .array(z.object({ invoiceId: z.string().regex(/^\d+$/), paymentAmount: z.number().int(), notes: z.string().max(2000).default('') }))
    .min(1),
  authorize: z.boolean(),
});

const INVOICE_STATUS_LABELS: Record<SimInvoice['status'], string> = {
  approved: 'Approved',
  under_review: 'Under Review',
  paid: 'Paid',
};

/** Answers a `/pages-api/...` request; returns false when the path is not one of them. */
export async function handlePagesApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: Pick<PageContext, 'store' | 'user' | 'sessions'>): Promise<boolean> {
  const { store, user } = ctx;
  const match = /^\/pages-api\/companies\/(\d+)\/(lookups|subcontractor_invoices|disbursements)(?:\/([^/]+)\/(authorize))?$/.exec(url.pathname);
  if (!match) return false;
  const method = req.method ?? 'GET';
  try {
    if (!user) throw new SimHttpError(401, 'Sign in to continue');
    const companyId = Number(match[1]);
    if (!user.companyIds.includes(companyId) || !store.company(companyId)) throw new SimHttpError(404, 'Company not found');
    if (user.paymentsRole === 'none') throw new SimHttpError(403, 'Only a Payments Admin or Payments Disburser can view this tool');
    const [resource, disbursementId, action] = [match[2], match[3], match[4]];
    if (method !== 'GET' && !ctx.sessions.csrfValid(req, req.headers['x-csrf-token'])) throw new SimHttpError(422, 'Invalid authenticity token');
    if (method === 'GET' && resource === 'lookups' && !disbursementId) {
      writeJson(res, 200, lookups(store, companyId));
    } else if (method === 'GET' && resource === 'subcontractor_invoices' && !disbursementId) {
      writeJson(res, 200, invoiceRows(store, companyId));
    } else if (method === 'POST' && resource === 'disbursements' && !disbursementId) {
      writeJson(res, 201, createDisbursement(store, companyId, user, await readBody(req)));
    } else if (method === 'POST' && resource === 'disbursements' && disbursementId && action === 'authorize') {
      const authorized = store.authorizeDisbursement(companyId, decodeURIComponent(disbursementId));
      writeJson(res, 200, { id: authorized.id });
    } else {
      throw new SimHttpError(405, `${method} is not allowed here`);
    }
  } catch (error) {
    if (!(error instanceof SimHttpError)) throw error;
    writeJson(res, error.status, { errors: error.errors });
  }
  return true;
}

function lookups(store: SimStore, companyId: number) {
  const projects = Object.fromEntries(store.projects(companyId).map((p) => [String(p.id), p.name]));
  const disbursementCreators = Object.fromEntries(
    store.disbursements(companyId).map((d) => [d.id, store.user(d.createdByUserId)?.name ?? '--']),
  );
  return { projects, disbursementCreators };
}

function invoiceRows(store: SimStore, companyId: number) {
  // The disbursement an invoice was last included in (disbursements are newest first).
  const disbursementOf = new Map<number, number>();
  for (const d of store.disbursements(companyId)) {
    for (const payout of store.payoutsOf(d)) if (!disbursementOf.has(payout.invoiceId)) disbursementOf.set(payout.invoiceId, d.identifier);
  }
  return store.invoices(companyId).map((invoice) => {
    const due = store.invoiceDue(invoice);
    const paid = invoice.paidAmount + invoice.paidAmountOutsideProcorePay;
    const vendor = store.vendor(invoice.vendorId);
    // Payment Readiness is not modeled by the sandbox beyond approval: an approved invoice has
    // met its requirements, one under review has not.
    const ready = invoice.status !== 'under_review';
    return {
      id: String(invoice.id),
      invoiceNumber: invoice.invoiceNumber,
      projectId: String(invoice.projectId),
      projectName: store.project(invoice.projectId)?.name ?? String(invoice.projectId),
      beneficiaryName: vendor?.name ?? '',
      beneficiaryAccountStatus: 'Approved',
      invoiceStatus: INVOICE_STATUS_LABELS[invoice.status],
      paymentStatus: due <= 0 ? 'Paid' : paid > 0 ? 'Partially Paid' : 'Unpaid',
      disbursementNumber: disbursementOf.get(invoice.id) ?? null,
      billingPeriod: `${invoice.billingPeriodStart} – ${invoice.billingPeriodEnd}`,
      requirementsComplete: ready ? 5 : 3,
      requirementsTotal: 5,
      holds: 0,
      grossAmount: invoice.grossAmount,
      netAmount: invoice.grossAmount - invoice.retainage,
      paidAmount: paid,
      amountDue: Math.max(0, due),
      contractNumber: store.contract(invoice.contractId)?.number ?? '--',
      erpStatus: invoice.erpStatus,
    };
  });
}

function createDisbursement(store: SimStore, companyId: number, user: SimUser, body: unknown) {
  const parsed = NewDisbursementSchema.safeParse(body);
  if (!parsed.success) {
    throw new SimHttpError(422, { body: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`) });
  }
  const input = parsed.data;
  const created = store.createDisbursement(companyId, {
    name: input.name,
    fundingAccountId: input.fundingAccountId,
    userId: user.id,
    items: input.payments.map((p) => ({ invoiceId: Number(p.invoiceId), amount: p.paymentAmount, partialPaymentReason: p.notes.trim() || undefined })),
  });
  if (input.authorize) {
    try {
      store.authorizeDisbursement(companyId, created.id);
    } catch (error) {
      if (!(error instanceof SimHttpError)) throw error;
      throw new SimHttpError(error.status, `Saved as Draft ${created.identifier}, but it could not be authorized: ${error.message}`);
    }
  }
  return { id: created.id, identifier: created.identifier };
}
