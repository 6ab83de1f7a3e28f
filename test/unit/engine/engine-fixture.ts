import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newWatch } from '../../../utils/domain/new-watch';
import type { Watch } from '../../../utils/domain/watch';
import { Engine } from '../../../utils/engine/engine';
import { openEngineDb } from '../../../utils/store/engine-db';
import { WORDS } from '../fixtures/failure-words';

let dbCount = 0;

/**
 * The engine's local clock in a test: real time plus what the test moved it by. Time the engine
 * must see pass (a deadline) is passed by `advance`, never by sleeping: a loaded machine then
 * changes nothing. Procore's `Date` header still corrects the engine's server time as in the product.
 */
export interface TestClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function testClock(): TestClock {
  let ahead = 0;
  return { now: () => Date.now() + ahead, advance: (ms) => void (ahead += ms) };
}

/** A fresh engine over its own fake-indexeddb database, on the product's window unless given a shorter one, with the packaged word families. */
export async function testEngine(localNow?: () => number, windowMs?: number): Promise<Engine> {
  const db = await openEngineDb(`test-engine-${process.pid}-${++dbCount}-${Math.random()}`);
  return Engine.open(db, undefined, localNow, windowMs === undefined ? undefined : async () => windowMs, async () => WORDS);
}

export const OUR_ID = 'our-extension-id';
export const trust = {
  runtimeId: OUR_ID,
  extensionOrigin: `chrome-extension://${OUR_ID}/`,
  contentScriptMatches: ['https://*.procore.com/*/company/payments*', 'http://127.0.0.1/*/company/erp_integrations*'],
};

/** fakeBrowser lacks getManifest and id; the router reads them for its trust facts. */
export function fakeRuntimeIdentity(): void {
  Object.assign(fakeBrowser.runtime, {
    id: OUR_ID,
    getManifest: () => ({ manifest_version: 3, name: 'test', version: '0', content_scripts: [{ matches: trust.contentScriptMatches }] }),
    getURL: (path: string) => `chrome-extension://${OUR_ID}${path.startsWith('/') ? path : `/${path}`}`,
  });
}

/** A watch as the engine stores it, built by the domain's own constructor. */
export function sampleWatch(overrides: Partial<Watch> = {}, now = 1_700_000_000_000): Watch {
  const watch = newWatch(
    {
      companyId: '8089',
      disbursement: {
        id: 'd-1',
        disbursementIdentifier: 'D-000412',
        name: 'Nov draw',
        fundingAccountId: 'fa_1',
        amount: 450000,
        currencyCode: 'USD',
        status: 'FUNDING_COMPLETED_AWAITING_PAYOUTS',
        createdAt: '2026-11-15T16:02:11Z',
        updatedAt: '2026-11-15T17:40:03Z',
        payouts: [],
      },
      payout: {
        id: 'po_91',
        disbursementId: 'd-1',
        invoiceId: '4417',
        amount: 450000,
        status: 'REQUESTED',
        bankId: 'OPER',
        checkNumber: 10042,
        partialPayment: false,
        metadata: {
          projectId: '562',
          contractId: '563',
          invoiceNumber: 'INV-2291',
          vendorId: 'v_77',
          receivingPaymentsCompanyName: 'Acme Drywall',
          dueAmount: 450000,
          paidAmountOutsideProcorePay: 0,
        },
      },
      erpSettings: { connector: 'quickbooks_online', payment_sync_enabled: true, supports_partial_payments: false, erp_name: 'QuickBooks Online' },
    },
    now,
  );
  return { ...watch, ...overrides };
}
