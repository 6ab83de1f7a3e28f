/**
 * Which known record shape a JSON body carries, by public field names (PROCORE-CONTRACT.md
 * "Learning from Procore's pages"), and where in the body the records sit. Pure: the content
 * script uses it on the page's traffic, the background on its own replays.
 */
export const LEARNED_KINDS = ['disbursement_list', 'disbursement_detail', 'funding_accounts', 'erp_rows'] as const;
export type LearnedKind = (typeof LEARNED_KINDS)[number];

type Shape = 'disbursement' | 'funding_account' | 'erp_row';

export interface FoundRecords {
  kind: LearnedKind;
  /** Keys from the body's root to the records (`[]`: the body itself). */
  at: string[];
  records: Record<string, unknown>[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function shapeOf(value: unknown): Shape | null {
  if (!isRecord(value) || !('id' in value)) return null;
  if ('disbursementIdentifier' in value || ('fundingAccountId' in value && 'status' in value)) return 'disbursement';
  if ('nextCheckNumber' in value && 'bankId' in value) return 'funding_account';
  // An ERP payment record row: a contract payment's fields with the row's export state.
  if (('external_payment_id' in value || 'requisition_id' in value) && 'check_number' in value && ('export_status' in value || 'errors' in value || 'bank_id' in value)) return 'erp_row';
  return null;
}

function kindOf(shape: Shape, list: boolean): LearnedKind {
  if (shape === 'funding_account') return 'funding_accounts';
  if (shape === 'erp_row') return 'erp_rows';
  return list ? 'disbursement_list' : 'disbursement_detail';
}

function here(value: unknown, at: string[]): FoundRecords | null {
  if (Array.isArray(value)) {
    const records = value.filter(isRecord);
    const shape = records.length ? shapeOf(records[0]) : null;
    if (!shape) return null;
    return { kind: kindOf(shape, true), at, records: records.filter((r) => shapeOf(r) === shape) };
  }
  const shape = shapeOf(value);
  // One funding account or ERP row alone is not a list the extension needs to learn.
  return shape === 'disbursement' ? { kind: 'disbursement_detail', at, records: [value as Record<string, unknown>] } : null;
}

/** The known records in a body: the body itself, or one or two keys down (a response wrapper). */
export function findRecords(body: unknown): FoundRecords | null {
  const top = here(body, []);
  if (top) return top;
  if (!isRecord(body)) return null;
  for (const [key, value] of Object.entries(body)) {
    const found = here(value, [key]);
    if (found) return found;
  }
  for (const [key, value] of Object.entries(body)) {
    if (!isRecord(value)) continue;
    for (const [inner, deeper] of Object.entries(value)) {
      const found = here(deeper, [key, inner]);
      if (found) return found;
    }
  }
  return null;
}

/** The records at a learned place in a body (a replay's answer), or null when the shape moved. */
export function recordsAt(body: unknown, at: readonly string[], kind: LearnedKind): Record<string, unknown>[] | null {
  let value: unknown = body;
  for (const key of at) value = isRecord(value) ? value[key] : undefined;
  if (kind === 'disbursement_detail') return isRecord(value) ? [value] : null;
  if (!Array.isArray(value)) return null;
  return value.filter(isRecord);
}
