/**
 * An ERP message made safe to send to us: amounts, names and numbers masked, the wording kept
 * (the wording is what lets us teach the classifier a new message). Pure.
 *
 * Kept: ERP error codes (Sage Intacct's BL03002128 shape, and digits right after "code", "error"
 * or "status"), because they name the message, not the customer's data.
 */
export function maskErpMessage(message: string, knownNames: readonly string[] = []): string {
  const kept: string[] = [];
  // A private-use character per kept piece: no digit, no word character, so no rule below touches it.
  const keep = (text: string) => String.fromCharCode(0xe000 + kept.push(text) - 1);
  let out = message
    .replace(/\b[A-Z]{2}\d{8}\b/g, keep)
    .replace(/\b(?:error ?code|status ?code|code|error|status)\s*[=:#(]?\s*\d{1,6}\b/gi, keep);
  for (const name of [...knownNames].filter((n) => n.trim().length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.split(name.trim()).join('[name]');
  }
  out = out
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]')
    .replace(/(["'\u2018\u201c])[^"'\u2019\u201d\n]{1,80}(["'\u2019\u201d])/g, '$1[name]$2')
    .replace(/[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+\.\d{2}\b/g, '[amount]')
    .replace(/\b[\w-]*\d[\w-]*\b/g, '[number]');
  return out.replace(/[\ue000-\uf8ff]/g, (c) => kept[c.charCodeAt(0) - 0xe000] ?? c);
}
