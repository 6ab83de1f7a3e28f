import type { Connector, ErpFailureCause } from './vocabulary';

export type { ErpFailureCause };

/** Facts an ERP puts into its error text. */
export interface ErpMessageFacts {
  bankId: string;
  checkNumber: number | null;
  invoiceNumber: string;
  invoiceId: number;
  vendorId: string;
  vendorName: string;
  amount: number;
  dueAmount: number;
  /** YYYY-MM-DD: the payment's date in the ERP. */
  paymentDate: string;
  companyName: string;
  /** A stable number the ERP shows as its own transaction id or sequence. */
  txnId: number;
}

type Template = (f: ErpMessageFacts) => string;

const dollars = (cents: number): string => (cents / 100).toFixed(2);
const month = (date: string): { mm: string; yyyy: string } => ({ mm: date.slice(5, 7), yyyy: date.slice(0, 4) });
const companyCode = (name: string): string => name.replace(/[^A-Za-z]/g, '').slice(0, 7).toUpperCase();

// Each ERP words the same cause its own way; wording follows shared/fixtures/erp-error-messages.json
// where it has a real example and the ERP's documented style elsewhere. `other` uses Procore's
// own sentences, as a generic connector passes them through.
export const ERP_MESSAGES: Record<Connector, Record<ErpFailureCause, Template>> = {
  quickbooks_online: {
    DUPLICATE_CHECK_NUMBER: (f) =>
      `Code (6140): Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${f.bankId}${f.checkNumber} is assigned to TxnType=BillPayment with TxnId=${f.txnId}`,
    INVALID_BANK_ID: (f) => `Invalid Reference Id : Accounts element id ${f.bankId} not found. Payment (bank) account is required for payments`,
    INVOICE_NOT_SYNCED: () => 'Object Not Found: Another user has deleted this transaction.',
    VENDOR_NOT_SYNCED: (f) => `Invalid Reference Id : Vendor assigned to Id ${f.vendorId} does not exist.`,
    AMOUNT_REJECTED: (f) =>
      `Business Validation Error: The payment amount ${dollars(f.amount)} does not match the open balance ${dollars(f.dueAmount)} of Bill ${f.invoiceNumber}. Partial bill payments cannot be linked.`,
    TAX_OR_MARKUP_UNSUPPORTED: () => 'Valid Line TaxCodes for US should be TAX or NON. Supplied value:MARKUP',
    PERIOD_CLOSED: () =>
      'The account period has closed and the account books cannot be updated through the QBO Services API. Please use the QBO website to make these changes.',
    TRANSIENT: () => 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
  },
  quickbooks_desktop: {
    DUPLICATE_CHECK_NUMBER: (f) =>
      `The check number "${f.checkNumber}" is already in use on account "${f.bankId}". QuickBooks error message: This check number has already been used.`,
    INVALID_BANK_ID: (f) =>
      `There is an invalid reference to QuickBooks Check Account "${f.bankId}" in the BillPaymentCheck. QuickBooks error message: The account for this transaction must be of type Bank.`,
    INVOICE_NOT_SYNCED: (f) => `Object "${f.invoiceNumber}" specified in the request cannot be found.`,
    VENDOR_NOT_SYNCED: (f) =>
      `There is an invalid reference to QuickBooks Vendor "${f.vendorName}" in the BillPaymentCheck. QuickBooks error message: Invalid argument. The specified record does not exist in the list.`,
    AMOUNT_REJECTED: (f) =>
      `Unable to link to transaction "${f.invoiceNumber}": the payment amount ${dollars(f.amount)} does not pay its open balance ${dollars(f.dueAmount)} in full.`,
    TAX_OR_MARKUP_UNSUPPORTED: () =>
      'Object "8000002A-1409" (Tax category "Markup") specified in the request cannot be found. QuickBooks error message: Invalid argument. The specified record does not exist in the list.',
    PERIOD_CLOSED: () =>
      'An attempt was made to modify a Bill Payment with a date that is on or before the closing date of the company. If you are sure you really want to do this, please ask a user with Admin privileges to remove the password for editing transactions on or before to closing date (this setting is in the Accounting Company Preferences), then try again.',
    TRANSIENT: () => 'System not available',
  },
  sage_intacct: {
    DUPLICATE_CHECK_NUMBER: (f) =>
      `BL03000130 Document number ${f.checkNumber} is already in use for checking account ${f.bankId}. Enter a unique document number.`,
    INVALID_BANK_ID: (f) => `Invalid Checking Account '${f.bankId}' specified.`,
    INVOICE_NOT_SYNCED: (f) => `No record exits for the recordkey ${f.invoiceId}`,
    VENDOR_NOT_SYNCED: (f) => `Invalid Vendor '${f.vendorName}' specified.`,
    AMOUNT_REJECTED: (f) => `BL03002031 The payment amount ${dollars(f.amount)} exceeds the amount due on bill ${f.invoiceNumber}.`,
    TAX_OR_MARKUP_UNSUPPORTED: () => 'BL03002019 Tax and markup lines cannot be paid through this interface.',
    PERIOD_CLOSED: (f) => `BL03000006 The accounts payable period containing ${f.paymentDate} is closed. Select a date in an open period.`,
    TRANSIENT: () => 'XL03000009 The request timed out. Try again later.',
  },
  sage_300_cre: {
    DUPLICATE_CHECK_NUMBER: (f) => `Check number ${f.checkNumber} already exists for bank account ${f.bankId}.`,
    INVALID_BANK_ID: (f) => `Bank account '${f.bankId}' does not exist in Cash Management.`,
    INVOICE_NOT_SYNCED: (f) => `Invoice ${f.invoiceNumber} for vendor ${f.vendorId} was not found in Accounts Payable.`,
    VENDOR_NOT_SYNCED: (f) => `Vendor '${f.vendorId}' does not exist.`,
    AMOUNT_REJECTED: (f) =>
      `Partial payments are not supported: the payment amount ${dollars(f.amount)} must equal the invoice amount ${dollars(f.dueAmount)}.`,
    TAX_OR_MARKUP_UNSUPPORTED: () => 'Invoice distributions with tax or markup cannot be paid through this interface.',
    PERIOD_CLOSED: (f) => `The accounting period ${month(f.paymentDate).mm}/${month(f.paymentDate).yyyy} is closed.`,
    TRANSIENT: () => 'The Sage 300 CRE agent did not respond in time. Try again later.',
  },
  viewpoint_vista: {
    DUPLICATE_CHECK_NUMBER: (f) => `Seq#${f.txnId % 50} - Check and Seq# already exists in Cash Management.`,
    INVALID_BANK_ID: (f) => `Seq#${f.txnId % 50} - Invalid CM Account!`,
    INVOICE_NOT_SYNCED: (f) => `Seq#${f.txnId % 50} - AP Transaction not found!`,
    VENDOR_NOT_SYNCED: (f) => `Seq#${f.txnId % 50} - Invalid Vendor!`,
    AMOUNT_REJECTED: (f) => `Seq#${f.txnId % 50} - Amount paid exceeds amount due!`,
    TAX_OR_MARKUP_UNSUPPORTED: (f) => `Seq#${f.txnId % 50} - Tax code not allowed on payment!`,
    PERIOD_CLOSED: (f) => `Seq#${f.txnId % 50} - Month ${month(f.paymentDate).mm}/${month(f.paymentDate).yyyy} is closed!`,
    TRANSIENT: () =>
      'Timeout expired. The timeout period elapsed prior to completion of the operation or the server is not responding.',
  },
  acumatica: {
    DUPLICATE_CHECK_NUMBER: (f) => `A check with the number '${f.checkNumber}' already exists in the system. Please enter another number.`,
    INVALID_BANK_ID: (f) => `Cash Account '${f.bankId}' cannot be found in the system.`,
    INVOICE_NOT_SYNCED: (f) => `Bill '${f.invoiceNumber}' cannot be found in the system.`,
    VENDOR_NOT_SYNCED: (f) => `Vendor '${f.vendorId}' cannot be found in the system.`,
    AMOUNT_REJECTED: (f) => `The amount paid cannot exceed the balance of the document ${f.invoiceNumber}.`,
    TAX_OR_MARKUP_UNSUPPORTED: () => 'The document cannot be released: tax and markup lines are not supported for this payment.',
    PERIOD_CLOSED: (f) =>
      `The ${month(f.paymentDate).mm}-${month(f.paymentDate).yyyy} financial period of the ${companyCode(f.companyName)} company is closed in  Accounts Payable.`,
    TRANSIENT: () => 'API Login Limit',
  },
  yardi: {
    DUPLICATE_CHECK_NUMBER: (f) => `Check number ${f.checkNumber} already exists for bank ${f.bankId}.`,
    INVALID_BANK_ID: (f) => `Bank ${f.bankId} not found.`,
    INVOICE_NOT_SYNCED: (f) => `Payable ${f.invoiceNumber} not found.`,
    VENDOR_NOT_SYNCED: (f) => `Vendor code ${f.vendorId} is invalid.`,
    AMOUNT_REJECTED: (f) => `Partial payment of payable ${f.invoiceNumber} is not allowed.`,
    TAX_OR_MARKUP_UNSUPPORTED: () => 'Payable detail contains tax or markup, which cannot be imported.',
    PERIOD_CLOSED: (f) => `Post month ${month(f.paymentDate).mm}/${month(f.paymentDate).yyyy} is closed.`,
    TRANSIENT: () => 'The remote server returned an error: (503) Server Unavailable.',
  },
  cmic: {
    DUPLICATE_CHECK_NUMBER: (f) => `Cheque number ${f.checkNumber} already exists for bank account ${f.bankId}.`,
    INVALID_BANK_ID: (f) => `Invalid bank account code: ${f.bankId}`,
    INVOICE_NOT_SYNCED: (f) => `Voucher for invoice ${f.invoiceNumber} does not exist.`,
    VENDOR_NOT_SYNCED: (f) => `Vendor ${f.vendorId} does not exist.`,
    AMOUNT_REJECTED: (f) => `Payment amount ${dollars(f.amount)} exceeds the voucher balance.`,
    TAX_OR_MARKUP_UNSUPPORTED: () => 'Tax and holdback markup distributions cannot be paid through the API.',
    PERIOD_CLOSED: (f) => `Period ${month(f.paymentDate).yyyy}/${month(f.paymentDate).mm} is closed for Accounts Payable.`,
    TRANSIENT: () => 'ORA-12170: TNS:Connect timeout occurred',
  },
  other: {
    DUPLICATE_CHECK_NUMBER: () => 'The check number on the payment record is already in use in your ERP system.',
    INVALID_BANK_ID: () => 'An incorrect Bank ID is entered on the payment in Procore.',
    INVOICE_NOT_SYNCED: () =>
      'Payment records for payments initiated prior to syncing the related invoice to your ERP system will not export successfully.',
    VENDOR_NOT_SYNCED: (f) => `Vendor ${f.vendorName} is not synced to your ERP system.`,
    AMOUNT_REJECTED: () => 'Some integrations allow you to sync partial payments, but some do not due to system limitations.',
    TAX_OR_MARKUP_UNSUPPORTED: () => 'Tax and other markups are not supported when syncing payment records at this time.',
    PERIOD_CLOSED: (f) => `The accounting period for ${f.paymentDate} is closed in your ERP system.`,
    TRANSIENT: () => 'The ERP connector is temporarily unavailable. Try again later.',
  },
};
