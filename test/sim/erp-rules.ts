import type { ErpFailureCause, InvoiceErpStatus } from './vocabulary';

/** What the ERP sees when a payment record arrives, read at that moment. */
export interface ErpImportFacts {
  invoiceErpStatusAtInitiation: InvoiceErpStatus | null;
  vendorSynced: boolean;
  /** The payout's Bank ID names an active bank account in the ERP. */
  bankKnown: boolean;
  /** The payout's check number is already in that bank account's check register. */
  checkNumberUsed: boolean;
  partialPayment: boolean;
  connectorAcceptsPartials: boolean;
  amount: number;
  /** What the ERP's bill still has open. */
  erpOpenBalance: number;
  hasTaxOrMarkup: boolean;
  /** YYYY-MM-DD of the payment, and the last closed day in the ERP (null: none closed). */
  paymentDate: string;
  closedThrough: string | null;
}

/**
 * The first rule the payment record breaks, in the order an ERP import checks them (references
 * first, then the document, then posting), or null when the ERP accepts it. Pure.
 */
export function firstBrokenRule(f: ErpImportFacts): ErpFailureCause | null {
  if (f.invoiceErpStatusAtInitiation !== 'synced') return 'INVOICE_NOT_SYNCED';
  if (!f.vendorSynced) return 'VENDOR_NOT_SYNCED';
  if (!f.bankKnown) return 'INVALID_BANK_ID';
  if (f.checkNumberUsed) return 'DUPLICATE_CHECK_NUMBER';
  if ((f.partialPayment && !f.connectorAcceptsPartials) || f.amount > f.erpOpenBalance) return 'AMOUNT_REJECTED';
  if (f.hasTaxOrMarkup) return 'TAX_OR_MARKUP_UNSUPPORTED';
  if (f.closedThrough !== null && f.paymentDate <= f.closedThrough) return 'PERIOD_CLOSED';
  return null;
}
