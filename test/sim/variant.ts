// The sandbox's internal endpoints (the ones its own pages call, which Procore does not publish)
// live at paths and inside response wrappers chosen by `--variant N`, so nothing can hard-code
// them: the extension has to learn them from the pages' own requests. Only the sandbox (its
// server and its pages' bundle) may read this table; README.md says only "varies with --variant".

export type ListWrapper = 'bare' | 'data' | 'items_meta' | 'results_pagination' | 'named';
export type ItemWrapper = 'bare' | 'data' | 'item' | 'named';

export interface SimVariant {
  n: number;
  /** Where every internal endpoint of a company lives, `{company}` standing for its id. */
  prefix: string;
  disbursements: string;
  fundingAccounts: string;
  erpRows: string;
  /** The verb segment that re-exports one ERP payment record (POST). */
  exportVerb: string;
  /** How the Next Check Number is saved: the method of the funding account's own URL. */
  fundingAccountWrite: 'PATCH' | 'PUT' | 'POST';
  /** The query the pages add to every internal list request (the server honours page/per_page). */
  listQuery: string;
  listWrapper: ListWrapper;
  itemWrapper: ItemWrapper;
  /** How erp_request_details words a request still running and one the connector never answered. */
  inProgressWord: string;
  staleWord: string;
  /** Set by SimOptions.listPayouts, not by N: the disbursement list carries payouts. */
  listPayouts?: boolean;
}

const PREFIXES = [
  '/rest/v1.0/companies/{company}/payments',
  '/webclients/api/companies/{company}/procore_pay',
  '/api/internal/pay/companies/{company}',
  '/rest/v2.0/companies/{company}/payments_hub',
  '/pay_web/api/v1/companies/{company}',
  '/webclients/host/api/companies/{company}/payments-service',
];
const DISBURSEMENTS = ['disbursements', 'disbursement_requests', 'payment_runs', 'drawdowns', 'payor_disbursements'];
const FUNDING_ACCOUNTS = ['funding_accounts', 'bank_accounts', 'payor_accounts', 'funding_sources', 'disbursement_accounts'];
const ERP_ROWS = ['erp_payment_records', 'contract_payment_exports', 'erp_sync_records', 'accounting_exports', 'erp_payments'];
const EXPORT_VERBS = ['export', 'retry_export', 'resend', 'send_to_erp'];
const FUNDING_WRITES = ['PATCH', 'PUT', 'POST'] as const;
const LIST_QUERIES = ['', 'per_page=1000', 'sort=-updated_at', 'page=1&per_page=500', 'include=summary'];
const LIST_WRAPPERS: ListWrapper[] = ['bare', 'data', 'items_meta', 'results_pagination', 'named'];
const ITEM_WRAPPERS: ItemWrapper[] = ['bare', 'data', 'item', 'named'];
const IN_PROGRESS_WORDS = ['in_progress', 'in progress', 'processing', 'In Progress'];
const STALE_WORDS = ['stale', 'stale_request', 'Stale', 'failed_stale'];

const TABLES = [PREFIXES, DISBURSEMENTS, FUNDING_ACCOUNTS, ERP_ROWS, EXPORT_VERBS, FUNDING_WRITES, LIST_QUERIES, LIST_WRAPPERS, ITEM_WRAPPERS, IN_PROGRESS_WORDS, STALE_WORDS] as const;
/** How many distinct combinations the tables give. */
const COMBINATIONS = TABLES.reduce((product, table) => product * table.length, 1);
/** A step coprime with COMBINATIONS: consecutive N land far apart in the tables. */
const STRIDE = 7_919;

/** The default variant; nothing may depend on which one it is. */
export const DEFAULT_VARIANT = 3;

/**
 * Variant N's choices: the mixed-radix digits of a permutation of N over the tables, so every N
 * below COMBINATIONS is a different combination; beyond it, a revision segment keeps N apart.
 */
export function simVariant(n: number): SimVariant {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--variant must be a non-negative integer (got ${n})`);
  let rest = (n * STRIDE + 11) % COMBINATIONS;
  const pick = <T>(table: readonly T[]): T => {
    const choice = table[rest % table.length] as T;
    rest = Math.floor(rest / table.length);
    return choice;
  };
  const revision = Math.floor(n / COMBINATIONS);
  const prefix = pick(PREFIXES) + (revision > 0 ? `/r${revision}` : '');
  return {
    n,
    prefix,
    disbursements: pick(DISBURSEMENTS),
    fundingAccounts: pick(FUNDING_ACCOUNTS),
    erpRows: pick(ERP_ROWS),
    exportVerb: pick(EXPORT_VERBS),
    fundingAccountWrite: pick(FUNDING_WRITES),
    listQuery: pick(LIST_QUERIES),
    listWrapper: pick(LIST_WRAPPERS),
    itemWrapper: pick(ITEM_WRAPPERS),
    inProgressWord: pick(IN_PROGRESS_WORDS),
    staleWord: pick(STALE_WORDS),
  };
}

/** The base path of a company's internal endpoints. */
export const internalBase = (variant: SimVariant, companyId: string | number): string => variant.prefix.replace('{company}', String(companyId));

/** A list as the variant wraps it; `named` uses the resource's own name. */
export function wrapList(variant: SimVariant, resource: string, items: unknown[], page: { page: number; perPage: number; total: number }): unknown {
  switch (variant.listWrapper) {
    case 'bare':
      return items;
    case 'data':
      return { data: items };
    case 'items_meta':
      return { items, meta: { total_count: page.total, page: page.page, per_page: page.perPage } };
    case 'results_pagination':
      return { results: items, pagination: { total: page.total, current_page: page.page, page_size: page.perPage } };
    case 'named':
      return { [resource]: items, total: page.total };
  }
}

/** One record as the variant wraps it; `named` uses the singular of the resource. */
export function wrapItem(variant: SimVariant, singular: string, item: unknown): unknown {
  switch (variant.itemWrapper) {
    case 'bare':
      return item;
    case 'data':
      return { data: item };
    case 'item':
      return { item };
    case 'named':
      return { [singular]: item };
  }
}

/** What the sandbox's pages do with a wrapped list (the inverse of wrapList). */
export function unwrapList<T>(variant: SimVariant, resource: string, body: unknown): T[] {
  const record = body as Record<string, unknown> | null;
  const list = variant.listWrapper === 'bare' ? body : variant.listWrapper === 'data' ? record?.data : variant.listWrapper === 'items_meta' ? record?.items : variant.listWrapper === 'results_pagination' ? record?.results : record?.[resource];
  if (!Array.isArray(list)) throw new Error(`Expected a list of ${resource}`);
  return list as T[];
}

export function unwrapItem<T>(variant: SimVariant, singular: string, body: unknown): T {
  const record = body as Record<string, unknown> | null;
  const item = variant.itemWrapper === 'bare' ? body : variant.itemWrapper === 'data' ? record?.data : variant.itemWrapper === 'item' ? record?.item : record?.[singular];
  if (!item || typeof item !== 'object') throw new Error(`Expected one ${singular}`);
  return item as T;
}
