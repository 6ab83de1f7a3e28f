import { useEffect, useState, useSyncExternalStore } from 'react';
import { PreflightCache, type PreflightInvoice } from '../../utils/overlay/preflight-cache';
import { useOverlay } from '../../components/overlay/overlay-context';

/** Pre-flight answers for the given invoices, asked in batches as rows appear. */
export function usePreflight(invoices: PreflightInvoice[]): PreflightCache {
  const { backend, companyId } = useOverlay();
  const [cache] = useState(() => new PreflightCache(backend, companyId));
  useEffect(() => () => cache.dispose(), [cache]);
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  const key = invoices.map((i) => `${i.invoiceId}|${i.paymentAmountCents ?? ''}|${i.amountDueCents ?? ''}`).join(',');
  useEffect(() => {
    cache.request(invoices);
    // `key` stands for the invoices' content; the array itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cache, key]);
  return cache;
}
