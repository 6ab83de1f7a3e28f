/** What `npm audit --json` said, as CI should act on it. */
export type AuditVerdict =
  | { kind: 'clean'; counts: SeverityCounts }
  | { kind: 'advisories'; counts: SeverityCounts; packages: string[] }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'unreadable'; reason: string };

export interface SeverityCounts {
  info: number;
  low: number;
  moderate: number;
  high: number;
  critical: number;
}

const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
const FAILING = new Set(['high', 'critical']);

// Network and registry failures npm reports instead of a report: the audit did not happen.
const INFRASTRUCTURE_CODES = /^(E\d{3}|ENOAUDIT|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function counts(raw: Json): SeverityCounts | null {
  const result = {} as SeverityCounts;
  for (const severity of SEVERITIES) {
    const n = raw[severity] ?? 0;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return null;
    result[severity] = n;
  }
  return result;
}

function infrastructureReason(report: Json): string | null {
  if (typeof report.statusCode === 'number') return typeof report.message === 'string' ? report.message : `HTTP ${report.statusCode}`;
  const error = report.error;
  if (isObject(error) && typeof error.code === 'string' && INFRASTRUCTURE_CODES.test(error.code)) {
    const summary = typeof error.summary === 'string' && error.summary ? error.summary : error.code;
    return summary;
  }
  return null;
}

/**
 * Reads the report. A report with advisories always wins over any error text beside it, so an
 * advisory can never be hidden as "unavailable"; an error is "unavailable" only when npm says the
 * registry or network failed.
 */
export function auditVerdict(stdout: string): AuditVerdict {
  let report: unknown;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { kind: 'unreadable', reason: `npm audit printed no JSON report: ${stdout.trim().slice(0, 200) || '(nothing)'}` };
  }
  if (!isObject(report)) return { kind: 'unreadable', reason: 'npm audit printed something other than a report object' };
  const metadata = report.metadata;
  if (isObject(metadata) && isObject(metadata.vulnerabilities)) {
    const found = counts(metadata.vulnerabilities);
    if (!found) return { kind: 'unreadable', reason: 'npm audit reported vulnerability counts that are not numbers' };
    const vulnerabilities = isObject(report.vulnerabilities) ? report.vulnerabilities : {};
    const packages = Object.entries(vulnerabilities)
      .filter(([, v]) => isObject(v) && FAILING.has(String(v.severity)))
      .map(([name, v]) => `${name} (${String((v as Json).severity)})`)
      .sort();
    if (found.high + found.critical > 0 || packages.length) return { kind: 'advisories', counts: found, packages };
    return { kind: 'clean', counts: found };
  }
  const reason = infrastructureReason(report);
  if (reason) return { kind: 'unavailable', reason };
  return { kind: 'unreadable', reason: 'npm audit answered neither a report nor a registry error' };
}
