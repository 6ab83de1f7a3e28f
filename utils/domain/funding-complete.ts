// "Funding Complete" for the ERP sync: the sync starts when funding completes, whatever follows.
export function isFundingComplete(status: string | null | undefined): boolean {
  return status === 'FUNDING_COMPLETED_AWAITING_PAYOUTS' || (status ?? '').startsWith('PAYOUT_');
}
