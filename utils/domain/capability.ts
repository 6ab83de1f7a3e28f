/**
 * What the product needs from Procore, and how each need is met on this user's Procore
 * (DESIGN.md "Three sources, one truth"; the Compatibility panel). Pure.
 */
export const CAPABILITIES = ['discover_disbursements', 'read_payouts', 'link_contract_payments', 'read_export_status', 'read_erp_check_numbers', 'recognise_pages'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CAPABILITY_SOURCES = ['public_api', 'learned', 'page_only', 'not_yet'] as const;
export type CapabilitySource = (typeof CAPABILITY_SOURCES)[number];

export interface CapabilityState {
  source: CapabilitySource;
  /** Server ms of the last success through that source. */
  lastOkAt: number | null;
  /** Companies whose Procore answered 403/404 for this capability: skipped, never stopping another. */
  unavailableIn: string[];
}

export const CAPABILITY_NAMES: Record<Capability, string> = {
  discover_disbursements: 'Discover disbursements',
  read_payouts: "Read a disbursement's payouts",
  link_contract_payments: 'Link payouts to contract payments',
  read_export_status: 'Read export status',
  read_erp_check_numbers: "Read the ERP's check numbers",
  recognise_pages: 'Recognise Procore pages',
};

export const SOURCE_WORDS: Record<CapabilitySource, string> = {
  public_api: 'public API',
  learned: 'learned from your Procore pages',
  page_only: 'page only',
  not_yet: 'not yet',
};

/** What the user can do to improve a capability, in words; null when nothing is needed. */
export function capabilityAdvice(capability: Capability, state: { source: CapabilitySource; unavailableIn: number }): string | null {
  if (capability === 'read_export_status' && state.unavailableIn) {
    return 'Your Procore does not let this account read export results: failures will show when you open ERP Integrations.';
  }
  if (state.source === 'public_api' || state.source === 'learned') return null;
  switch (capability) {
    case 'discover_disbursements':
    case 'read_payouts':
      return 'Open the Payments tool once so ERP Sync Watch can follow your disbursements.';
    case 'read_erp_check_numbers':
      return "Enter the ERP's last check number per Bank ID in the options, or open ERP Integrations.";
    case 'recognise_pages':
      return 'Open a Procore Payments or ERP Integrations page.';
    default:
      return 'It starts with the first funded disbursement ERP Sync Watch follows.';
  }
}
