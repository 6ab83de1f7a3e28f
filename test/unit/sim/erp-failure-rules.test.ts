import { describe, expect, it } from 'vitest';
import { CONNECTOR_PROFILES } from '../../../test/sim/connector-profiles';
import { createFromSpec, type DisbursementSpec } from '../../../test/sim/disbursement-spec';
import { buildBasic } from '../../../test/sim/scenarios/basic';
import { SimStore } from '../../../test/sim/store';
import { CONNECTORS, type Connector } from '../../../test/sim/vocabulary';

const NOW = Date.parse('2026-11-20T15:00:00Z');

function storeWith(connector: Connector): SimStore {
  const store = new SimStore({ seed: 7, windowMs: 60_000, now: () => NOW });
  buildBasic(store);
  store.updateErpSettings(8089, { connector });
  return store;
}

/** Funds a one-payout disbursement whose ERP answers at once, and returns its latest request detail. */
function exportOne(store: SimStore, spec: Partial<DisbursementSpec> & { payout?: DisbursementSpec['payouts'][number] } = {}) {
  const d = createFromSpec(store, { firstCheckNumber: 40_001, ...spec, payouts: [{ delayFraction: 0, ...spec.payout }] } as unknown as Record<string, unknown>);
  const payoutId = d.payoutIds[0]!;
  return { payoutId, detail: store.latestRequestDetail(payoutId)!, store };
}

type Setup = (store: SimStore) => ReturnType<typeof exportOne>;
const RULES: Record<string, Setup> = {
  DUPLICATE_CHECK_NUMBER: (s) => {
    s.issueErpCheck(8089, 'OPER', 40_001);
    return exportOne(s);
  },
  INVALID_BANK_ID: (s) => {
    s.updateFundingAccount(8089, s.fundingAccounts(8089)[0]!.id, { bankId: 'OPERATING' });
    return exportOne(s);
  },
  INVOICE_NOT_SYNCED: (s) => exportOne(s, { payout: { invoiceErpStatus: 'not_synced' } }),
  VENDOR_NOT_SYNCED: (s) => exportOne(s, { payout: { vendorSynced: false, beneficiaryName: 'Newco Paving' } }),
  AMOUNT_REJECTED: (s) => exportOne(s, { payout: { dueAmount: 100_000, amount: 40_000 } }),
  TAX_OR_MARKUP_UNSUPPORTED: (s) => exportOne(s, { payout: { hasTaxOrMarkup: true } }),
  PERIOD_CLOSED: (s) => {
    s.updateErpSettings(8089, { closedThrough: '2026-11-30' });
    return exportOne(s);
  },
  TRANSIENT: (s) => {
    s.addErpFault('transient', 1, 8089);
    return exportOne(s);
  },
};

// What each ERP says, cause by cause: the wording a classifier has to recognise. Written here
// independently of the sandbox's templates, so a changed template fails this test.
const WORDING: Record<Connector, Record<string, RegExp>> = {
  quickbooks_online: {
    DUPLICATE_CHECK_NUMBER: /^Code \(6140\): Duplicate Document Number Error .*DocNumber=OPER40001 /,
    INVALID_BANK_ID: /Accounts element id OPERATING not found/,
    INVOICE_NOT_SYNCED: /^Object Not Found: Another user has deleted this transaction\.$/,
    VENDOR_NOT_SYNCED: /^Invalid Reference Id : Vendor assigned to Id \d+ does not exist\.$/,
    AMOUNT_REJECTED: /payment amount 400\.00 does not match the open balance 1000\.00/,
    TAX_OR_MARKUP_UNSUPPORTED: /^Valid Line TaxCodes for US should be TAX or NON\./,
    PERIOD_CLOSED: /^The account period has closed/,
    TRANSIENT: /ThrottleExceeded; errorCode=003001/,
  },
  quickbooks_desktop: {
    DUPLICATE_CHECK_NUMBER: /check number "40001" is already in use on account "OPER"/,
    INVALID_BANK_ID: /invalid reference to QuickBooks Check Account "OPERATING".*must be of type Bank/,
    INVOICE_NOT_SYNCED: /^Object "INV-\d+" specified in the request cannot be found\.$/,
    VENDOR_NOT_SYNCED: /invalid reference to QuickBooks Vendor "Newco Paving"/,
    AMOUNT_REJECTED: /^Unable to link to transaction "INV-\d+"/,
    TAX_OR_MARKUP_UNSUPPORTED: /\(Tax category "Markup"\) specified in the request cannot be found/,
    PERIOD_CLOSED: /on or before the closing date of the company/,
    TRANSIENT: /^System not available$/,
  },
  sage_intacct: {
    DUPLICATE_CHECK_NUMBER: /^BL03000130 Document number 40001 is already in use for checking account OPER/,
    INVALID_BANK_ID: /^Invalid Checking Account 'OPERATING' specified\.$/,
    INVOICE_NOT_SYNCED: /^No record exits for the recordkey \d+$/,
    VENDOR_NOT_SYNCED: /^Invalid Vendor 'Newco Paving' specified\.$/,
    TAX_OR_MARKUP_UNSUPPORTED: /^BL03002019 /,
    PERIOD_CLOSED: /period containing 2026-11-20 is closed/,
    TRANSIENT: /^XL03000009 The request timed out/,
  },
  sage_300_cre: {
    DUPLICATE_CHECK_NUMBER: /^Check number 40001 already exists for bank account OPER\.$/,
    INVALID_BANK_ID: /^Bank account 'OPERATING' does not exist in Cash Management\.$/,
    INVOICE_NOT_SYNCED: /was not found in Accounts Payable/,
    VENDOR_NOT_SYNCED: /^Vendor '\d+' does not exist\.$/,
    AMOUNT_REJECTED: /^Partial payments are not supported/,
    TAX_OR_MARKUP_UNSUPPORTED: /tax or markup cannot be paid/,
    PERIOD_CLOSED: /^The accounting period 11\/2026 is closed\.$/,
    TRANSIENT: /agent did not respond/,
  },
  viewpoint_vista: {
    DUPLICATE_CHECK_NUMBER: /^Seq#\d+ - Check and Seq# already exists in Cash Management\.$/,
    INVALID_BANK_ID: /^Seq#\d+ - Invalid CM Account!$/,
    INVOICE_NOT_SYNCED: /^Seq#\d+ - AP Transaction not found!$/,
    VENDOR_NOT_SYNCED: /^Seq#\d+ - Invalid Vendor!$/,
    TAX_OR_MARKUP_UNSUPPORTED: /^Seq#\d+ - Tax code not allowed on payment!$/,
    PERIOD_CLOSED: /^Seq#\d+ - Month 11\/2026 is closed!$/,
    TRANSIENT: /^Timeout expired\./,
  },
  acumatica: {
    DUPLICATE_CHECK_NUMBER: /^A check with the number '40001' already exists in the system\. Please enter another number\.$/,
    INVALID_BANK_ID: /^Cash Account 'OPERATING' cannot be found in the system\.$/,
    INVOICE_NOT_SYNCED: /^Bill 'INV-\d+' cannot be found in the system\.$/,
    VENDOR_NOT_SYNCED: /^Vendor '\d+' cannot be found in the system\.$/,
    TAX_OR_MARKUP_UNSUPPORTED: /tax and markup lines are not supported/,
    PERIOD_CLOSED: /^The 11-2026 financial period of the BUILDER company is closed in {2}Accounts Payable\.$/,
    TRANSIENT: /^API Login Limit$/,
  },
  yardi: {
    DUPLICATE_CHECK_NUMBER: /^Check number 40001 already exists for bank OPER\.$/,
    INVALID_BANK_ID: /^Bank OPERATING not found\.$/,
    INVOICE_NOT_SYNCED: /^Payable INV-\d+ not found\.$/,
    VENDOR_NOT_SYNCED: /^Vendor code \d+ is invalid\.$/,
    AMOUNT_REJECTED: /^Partial payment of payable INV-\d+ is not allowed\.$/,
    TAX_OR_MARKUP_UNSUPPORTED: /contains tax or markup/,
    PERIOD_CLOSED: /^Post month 11\/2026 is closed\.$/,
    TRANSIENT: /\(503\) Server Unavailable/,
  },
  cmic: {
    DUPLICATE_CHECK_NUMBER: /^Cheque number 40001 already exists for bank account OPER\.$/,
    INVALID_BANK_ID: /^Invalid bank account code: OPERATING$/,
    INVOICE_NOT_SYNCED: /^Voucher for invoice INV-\d+ does not exist\.$/,
    VENDOR_NOT_SYNCED: /^Vendor \d+ does not exist\.$/,
    TAX_OR_MARKUP_UNSUPPORTED: /holdback markup/,
    PERIOD_CLOSED: /^Period 2026\/11 is closed for Accounts Payable\.$/,
    TRANSIENT: /^ORA-12170/,
  },
  other: {
    DUPLICATE_CHECK_NUMBER: /^The check number on the payment record is already in use in your ERP system\.$/,
    INVALID_BANK_ID: /^An incorrect Bank ID is entered on the payment/,
    INVOICE_NOT_SYNCED: /^Payment records for payments initiated prior to syncing the related invoice/,
    VENDOR_NOT_SYNCED: /^Vendor Newco Paving is not synced/,
    TAX_OR_MARKUP_UNSUPPORTED: /^Tax and other markups are not supported/,
    PERIOD_CLOSED: /accounting period for 2026-11-20 is closed/,
    TRANSIENT: /temporarily unavailable/,
  },
};

describe('ERP failure rules, in each connector’s own words', () => {
  for (const connector of CONNECTORS) {
    for (const [cause, setup] of Object.entries(RULES)) {
      const partialsAccepted = CONNECTOR_PROFILES[connector].supportsPartialPayments;
      if (cause === 'AMOUNT_REJECTED' && partialsAccepted) {
        it(`${connector}: a partial payment is accepted`, () => {
          const { detail, store, payoutId } = setup(storeWith(connector));
          expect(detail.status).toBe('success');
          expect(store.state.ledger.recordsFor(payoutId)).toHaveLength(1);
        });
        continue;
      }
      it(`${connector}: ${cause}`, () => {
        const { detail, store, payoutId } = setup(storeWith(connector));
        expect(detail.status).toBe('failed');
        expect(detail.messages).toHaveLength(1);
        expect(detail.messages[0]).toMatch(WORDING[connector][cause]!);
        expect(store.state.ledger.recordsFor(payoutId)).toHaveLength(0);
      });
    }
  }

  it('a clean payment reaches the ERP once, and its check enters the register', () => {
    const { detail, store, payoutId } = exportOne(storeWith('quickbooks_online'));
    expect(detail).toMatchObject({ status: 'success', messages: [] });
    expect(store.state.ledger.recordsFor(payoutId)).toMatchObject([{ bankId: 'OPER', checkNumber: 40_001 }]);
    const bank = store.erpBankAccounts(8089)[0]!;
    expect(bank.importedChecks.has(40_001)).toBe(true);
  });

  it('an amount above what the ERP bill still has open is rejected on any connector', () => {
    const store = storeWith('sage_intacct');
    const d = createFromSpec(store, { status: 'authorized', payouts: [{ dueAmount: 100_000 }] });
    const payout = store.state.payouts.get(d.payoutIds[0]!)!;
    store.invoice(payout.invoiceId)!.paidAmountOutsideProcorePay = 30_000;
    payout.exportDelayFraction = 0;
    store.completeFunding(8089, d.id);
    expect(store.latestRequestDetail(payout.id)?.messages[0]).toMatch(/exceeds the amount due on bill/);
  });

  it('a markup line (which Procore does not show) is refused like tax', () => {
    const { detail } = exportOne(storeWith('quickbooks_online'), { payout: { markup: true } });
    expect(detail.messages[0]).toMatch(/TaxCodes/);
  });

  it('a connector that does not answer leaves the record stale', () => {
    const store = storeWith('quickbooks_desktop');
    store.updateErpSettings(8089, { connectorOnline: false });
    const { detail } = exportOne(store);
    expect(detail).toMatchObject({ status: 'stale', messages: [] });
  });

  it('with payment sync disabled nothing is exported at all', () => {
    const store = storeWith('quickbooks_online');
    store.updateErpSettings(8089, { paymentSyncEnabled: false });
    const d = createFromSpec(store, { payouts: [{ delayFraction: 0 }] });
    expect(store.latestRequestDetail(d.payoutIds[0]!)).toBeUndefined();
  });

  it('an invoice synced after the payment was initiated still fails: the status at initiation decides', () => {
    const store = storeWith('quickbooks_online');
    const d = createFromSpec(store, { status: 'authorized', payouts: [{ invoiceErpStatus: 'not_synced', delayFraction: 0 }] });
    const payout = store.state.payouts.get(d.payoutIds[0]!)!;
    store.invoice(payout.invoiceId)!.erpStatus = 'synced';
    store.completeFunding(8089, d.id);
    expect(store.latestRequestDetail(payout.id)?.status).toBe('failed');
  });
});
