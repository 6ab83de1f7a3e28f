import type { Compatibility } from '../messaging';

/**
 * The Compatibility panel as JSON for "Copy report" (PROCORE-CONTRACT.md): path templates, field
 * names and counts; never a company, person or vendor name, an amount or an id. Pure.
 */
export function compatibilityReport(compatibility: Compatibility, context: { extensionVersion: string; at: number }): string {
  const report = {
    extensionVersion: context.extensionVersion,
    at: new Date(context.at).toISOString(),
    capabilities: Object.fromEntries(
      (compatibility.capabilities ?? []).map((c) => [c.id, { source: c.source, lastWorked: c.lastOkAt === null ? null : new Date(c.lastOkAt).toISOString(), companiesRefusing: c.unavailableIn }]),
    ),
    learnedEndpoints: (compatibility.learned ?? []).map((e) => ({ kind: e.kind, method: 'GET', template: e.template, queryKeys: e.queryKeys, recordsAt: e.at })),
    pageFeatures: Object.fromEntries(compatibility.features.map((f) => [f.id, f.lastError ? 'error' : 'no error'])),
  };
  return JSON.stringify(report, null, 2);
}
