import type { Diagnosis } from './cause';
import type { InvoiceErpStatus } from './schemas/requisition';
import type { WatchRequest } from './watch';

/**
 * Everything that can happen to a payment record. Events that carry `request` carry a fresh
 * read of Procore's state (the latest request detail, or null when none exists yet).
 */
export type WatchEvent =
  | {
      type: 'funding_observed';
      /** Server time the disbursement reached Funding Complete (exact or first seen). */
      fundingCompletedAt: number;
      estimated: boolean;
      windowMs: number;
      paymentSyncEnabled: boolean;
      /** The invoice's ERP status when the payment was initiated, where known. */
      invoiceErpStatusAtPayment?: InvoiceErpStatus;
    }
  | { type: 'status_read'; request: WatchRequest | null; diagnosis: Diagnosis | null }
  | { type: 'deadline_reached' }
  | {
      type: 'reexport_requested';
      request: WatchRequest | null;
      diagnosis: Diagnosis | null;
      checkNumber?: number;
      bankId?: string;
      by: 'user' | 'policy';
    }
  | { type: 'reexport_sent'; request: WatchRequest }
  | { type: 'reexport_refused'; httpStatus: number; message: string }
  | { type: 'sync_disabled' }
  | { type: 'snooze'; until: number }
  | { type: 'dismiss' };

export type WatchEventType = WatchEvent['type'];
