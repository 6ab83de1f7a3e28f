import type { Diagnosis } from './cause';
import { erpLabel } from './erp-label';
import { causeFromWords, type WordFamilies } from './failure-wording';
import type { ErpBankAccount } from './schemas/erp-bank-account';
import type { Connector } from './schemas/erp-settings';
import type { InvoiceErpStatus } from './schemas/requisition';
import { suggestCheckNumber } from './suggest-check-number';

export interface ClassifyInput {
  /** The ERP's messages from the request detail, as passed through by the connector. */
  messages: readonly string[];
  /** The word families to read them with (NO_WORDS: facts alone decide). */
  words: WordFamilies;
  connector?: Connector;
  /** The company's name for its ERP (ERP settings `erp_name`), preferred in sentences. */
  erpName?: string;
  /** The request detail is `stale`: the connector never answered. */
  stale?: boolean;
  payout?: { partialPayment: boolean; hasTaxOrMarkup?: boolean; checkNumber?: number | null; bankId?: string };
  invoiceErpStatusAtPayment?: InvoiceErpStatus;
  /** The invoice's number, to name it in sentences. */
  invoiceNumber?: string;
  erpBankAccounts?: readonly ErpBankAccount[];
  /** The connector's (or the company's override of its) support for partial payments. */
  supportsPartialPayments?: boolean;
  /** For a duplicate check number: the funding account's Next Check Number, to suggest a free one. */
  nextCheckNumber?: number;
  /** Check numbers known taken on the payout's Bank ID (failing as duplicates, other payouts). */
  usedCheckNumbers?: readonly number[];
}

/**
 * Why a payment record failed to export, in words an accountant understands, with the fix and
 * whether a corrective re-export can cure it. Facts the extension knows beat the ERP's words
 * (they are certain; words are read); the words decide otherwise. Whatever it cannot read is
 * UNKNOWN; a bug is not caught here but where the engine classifies, which reports it.
 */
export function classifyExportFailure(input: ClassifyInput): Diagnosis {
  const erp = erpLabel(input.connector, input.erpName);
  const messages = Array.isArray(input.messages) ? input.messages : [];
  const words = causeFromWords(messages, input.words);
  const payout = input.payout;

  const invoiceStatus = input.invoiceErpStatusAtPayment;
  if (invoiceStatus !== undefined && invoiceStatus !== 'synced') return invoiceNotSynced(erp, invoiceStatus, input.invoiceNumber);
  if (payout?.partialPayment && input.supportsPartialPayments === false) return partialRefused(erp);
  const bankProblem = bankFact(payout?.bankId, input.erpBankAccounts);
  if (bankProblem) return invalidBank(erp, payout?.bankId, bankProblem);
  if (payout?.hasTaxOrMarkup && (words === 'TAX_OR_MARKUP_UNSUPPORTED' || words === 'UNKNOWN')) return taxOrMarkup(erp, true);
  if (input.stale && words === 'UNKNOWN') return transient(erp, true);

  switch (words) {
    case 'DUPLICATE_CHECK_NUMBER':
      return duplicate(erp, input);
    case 'INVALID_BANK_ID':
      return invalidBank(erp, payout?.bankId, { kind: 'refused', match: clearMatch(payout?.bankId, input.erpBankAccounts) });
    case 'INVOICE_NOT_SYNCED':
      return invoiceMissing(erp);
    case 'VENDOR_NOT_SYNCED':
      return vendor(erp);
    case 'AMOUNT_REJECTED':
      return payout?.partialPayment ? partialRefused(erp) : amount(erp);
    case 'TAX_OR_MARKUP_UNSUPPORTED':
      return taxOrMarkup(erp, false);
    case 'PERIOD_CLOSED':
      return periodClosed(erp);
    case 'TRANSIENT':
      return transient(erp, Boolean(input.stale));
    default:
      return unknown(erp);
  }
}

type BankProblem = { kind: 'absent' | 'inactive' | 'refused'; match: ErpBankAccount | undefined };

/** The payout's Bank ID against the ERP's bank accounts, when both are known. */
function bankFact(bankId: string | undefined, accounts: readonly ErpBankAccount[] | undefined): BankProblem | null {
  if (!bankId || !accounts || accounts.length === 0) return null;
  const same = accounts.find((a) => a.bank_id === bankId);
  if (same?.active) return null;
  return { kind: same ? 'inactive' : 'absent', match: clearMatch(bankId, accounts) };
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The one active ERP bank account the Bank ID was meant to be, or undefined when it is not
 * clear: the same id but for case and punctuation, else one id or name containing it (or
 * contained in it), else the only active account.
 */
function clearMatch(bankId: string | undefined, accounts: readonly ErpBankAccount[] | undefined): ErpBankAccount | undefined {
  // The ERP refusing an id it lists as active is not solved by another account.
  if ((accounts ?? []).some((a) => a.active && a.bank_id === bankId)) return undefined;
  const active = (accounts ?? []).filter((a) => a.active);
  const wanted = squash(bankId ?? '');
  const tiers: ErpBankAccount[][] = [];
  if (wanted) {
    tiers.push(active.filter((a) => squash(a.bank_id) === wanted));
    if (wanted.length >= 3) {
      tiers.push(
        active.filter((a) => {
          const id = squash(a.bank_id);
          return (id.length >= 3 && (id.includes(wanted) || wanted.includes(id))) || squash(a.name).includes(wanted);
        }),
      );
    }
  }
  tiers.push(active);
  const first = tiers.find((t) => t.length > 0);
  return first?.length === 1 ? first[0] : undefined;
}

function duplicate(erp: string, input: ClassifyInput): Diagnosis {
  const { checkNumber, bankId } = input.payout ?? {};
  const account = input.erpBankAccounts?.find((a) => a.bank_id === bankId);
  const which = checkNumber ? `check number ${checkNumber}` : 'this check number';
  const on = bankId ? ` on Bank ID ${bankId}` : '';
  const diagnosis: Diagnosis = {
    cause: 'DUPLICATE_CHECK_NUMBER',
    summary: `${erp} already has a check with ${which}${on}, so it refused this payment record as a duplicate.`,
    fix: `Export it again with a check number ${erp} has not used${account?.last_check_number ? ` (above ${account.last_check_number}, its last on ${account.bank_id})` : ''}.`,
    retryable: true,
  };
  if (input.nextCheckNumber !== undefined && Number.isSafeInteger(input.nextCheckNumber) && input.nextCheckNumber > 0) {
    const used = [...(input.usedCheckNumbers ?? []), ...(checkNumber ? [checkNumber] : [])];
    const s = suggestCheckNumber({ erpLastCheckNumber: account?.last_check_number, nextCheckNumber: input.nextCheckNumber, usedCheckNumbers: used });
    diagnosis.suggested = { checkNumber: s.checkNumber, nextCheckNumber: s.movesNextCheckNumberTo };
    diagnosis.fix = `Export it again with check number ${s.checkNumber}, and set the funding account's Next Check Number to ${s.movesNextCheckNumberTo} so Procore Pay does not issue ${s.checkNumber} again.`;
  }
  return diagnosis;
}

function invalidBank(erp: string, bankId: string | undefined, problem: BankProblem): Diagnosis {
  const id = bankId ? `Bank ID "${bankId}"` : 'the Bank ID';
  const summary = {
    absent: `${erp} has no bank account with ${id}, so it cannot record this payment.`,
    inactive: `The bank account with ${id} is inactive in ${erp}, so it cannot record this payment.`,
    refused: `${erp} refused ${id} on this payment record: it does not match an active bank account there.`,
  }[problem.kind];
  const { match } = problem;
  return {
    cause: 'INVALID_BANK_ID',
    summary,
    fix: match
      ? `Export it again with Bank ID "${match.bank_id}" (${match.name} in ${erp}), and correct the funding account's Bank ID so the next payments carry it.`
      : `Correct the Bank ID to the ID of the paying bank account in ${erp}, then export again; correct the funding account's Bank ID too.`,
    retryable: true,
    ...(match ? { suggested: { bankId: match.bank_id } } : {}),
  };
}

function invoiceNotSynced(erp: string, status: Exclude<InvoiceErpStatus, 'synced'>, invoiceNumber?: string): Diagnosis {
  const was = {
    not_synced: `not yet synced to ${erp}`,
    ready_to_export: `still waiting in Ready to Export, not yet in ${erp}`,
    failed: `in Failed to Export, not in ${erp}`,
  }[status];
  return {
    cause: 'INVOICE_NOT_SYNCED',
    summary: `${invoiceNumber ? `Invoice ${invoiceNumber}` : 'The invoice'} was ${was} when this payment was initiated, so Procore will never export this payment record.`,
    fix: `Enter the payment in ${erp} by hand against the bill. Sync invoices to ${erp} before paying them.`,
    retryable: false,
  };
}

function invoiceMissing(erp: string): Diagnosis {
  return {
    cause: 'INVOICE_NOT_SYNCED',
    summary: `${erp} cannot find the bill this payment pays: the invoice was not synced to ${erp} before the payment, or the bill was deleted there.`,
    fix: `Enter the payment in ${erp} by hand against the bill; a re-export will not find it either.`,
    retryable: false,
  };
}

function vendor(erp: string): Diagnosis {
  return {
    cause: 'VENDOR_NOT_SYNCED',
    summary: `${erp} does not know this payment's beneficiary as a vendor, or the vendor is inactive or on hold there.`,
    fix: `Sync or activate the vendor in ${erp}, then export again.`,
    retryable: true,
  };
}

function partialRefused(erp: string): Diagnosis {
  return {
    cause: 'AMOUNT_REJECTED',
    summary: `This is a partial payment, and the ${erp} integration does not accept partial payments, so the payment record cannot export.`,
    fix: `Enter the partial payment in ${erp} by hand against the bill.`,
    retryable: false,
  };
}

function amount(erp: string): Diagnosis {
  return {
    cause: 'AMOUNT_REJECTED',
    summary: `${erp} refused the amount: it is more than the bill's open balance, or the bill is already paid or closed there.`,
    fix: `Compare the bill's balance in ${erp} with this payment, then record or adjust the payment there by hand.`,
    retryable: false,
  };
}

function taxOrMarkup(erp: string, flagged: boolean): Diagnosis {
  return {
    cause: 'TAX_OR_MARKUP_UNSUPPORTED',
    summary: flagged
      ? `This payment includes tax or a markup, which Procore does not sync to ${erp} with payment records.`
      : `${erp} refused a tax code or markup on this payment; Procore does not sync tax or markups with payment records.`,
    fix: `Enter the payment in ${erp} by hand.`,
    retryable: false,
  };
}

function periodClosed(erp: string): Diagnosis {
  return {
    cause: 'PERIOD_CLOSED',
    summary: `The accounting period of this payment's date is closed in ${erp}, so it refused the payment record.`,
    fix: `Ask your ${erp} administrator to reopen the period (or allow posting to it), then export again.`,
    retryable: true,
  };
}

function transient(erp: string, stale: boolean): Diagnosis {
  return {
    cause: 'TRANSIENT',
    summary: stale
      ? `The connector to ${erp} did not respond, so the payment record was not exported.`
      : `${erp} or its connector did not answer in time (busy, rate-limited or unavailable); nothing is wrong with the payment itself.`,
    fix: 'Export it again in a few minutes; if it keeps failing, check the connector.',
    retryable: true,
  };
}

function unknown(erp: string): Diagnosis {
  return {
    cause: 'UNKNOWN',
    summary: `${erp} refused the payment record for a reason the extension does not recognise.`,
    fix: `Read ${erp}'s message; if it is unclear, contact ${erp} support with the support summary.`,
    retryable: false,
  };
}
