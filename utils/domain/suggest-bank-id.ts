import type { Diagnosis } from './cause';

const squash = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Levenshtein distance: insertions, deletions and substitutions, each 1. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** `short` is `long` with letters left out, first letter kept: PAYRL in PAYROLL, OPR in OPER. */
function isAbbreviation(short: string, long: string): boolean {
  if (short.length < 2 || short.length >= long.length || short[0] !== long[0]) return false;
  let at = 0;
  for (const letter of long) if (letter === short[at]) at += 1;
  return at === short.length;
}

/** How close a candidate is to the refused id, 0 (unrelated) to 1 (the same but for case and punctuation). */
function closeness(refused: string, candidate: string): number {
  const a = squash(refused);
  const b = squash(candidate);
  if (!a || !b) return 0;
  if (a === b) return 1;
  const similar = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  // A typed abbreviation or a cut-off id is as telling as a near spelling.
  const shortened = isAbbreviation(a, b) || isAbbreviation(b, a) || b.startsWith(a) || a.startsWith(b);
  return Math.max(similar, shortened ? 0.75 : 0);
}

/** Below this a candidate is a different account, not the one that was meant. */
const MEANT = 0.6;

/**
 * The Bank ID the ERP knows that a refused one was meant to be (PAYRL → PAYROLL), or null when
 * none is close or two are equally close: a guess between two accounts could record the payment
 * against the wrong bank. Candidates are ids the ERP is known to accept (its active bank accounts, the
 * Bank IDs of this company's records that reached it).
 */
export function suggestBankId(refused: string, candidates: readonly string[]): string | null {
  const scored = [...new Set(candidates.filter((c) => c.trim() && c !== refused))]
    .map((id) => ({ id, score: closeness(refused, id) }))
    .filter((c) => c.score >= MEANT)
    .sort((x, y) => y.score - x.score);
  const [best, second] = scored;
  if (!best || (second && second.score === best.score)) return null;
  return best.id;
}

/**
 * A wrong-Bank-ID diagnosis with the closest id the ERP knows as its suggested fix, when the
 * classifier had none; any other diagnosis unchanged.
 */
export function withSuggestedBankId(diagnosis: Diagnosis, refused: string, candidates: readonly string[], erp: string): Diagnosis {
  if (diagnosis.cause !== 'INVALID_BANK_ID' || diagnosis.suggested?.bankId) return diagnosis;
  const bankId = suggestBankId(refused, candidates);
  if (!bankId) return diagnosis;
  return {
    ...diagnosis,
    fix: `Export it again with Bank ID "${bankId}", the closest Bank ID ${erp} knows, and correct the funding account's Bank ID so the next payments carry it.`,
    suggested: { ...diagnosis.suggested, bankId },
  };
}
