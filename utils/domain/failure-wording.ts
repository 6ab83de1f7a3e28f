import { CAUSES, type Cause } from './cause';

/**
 * The ERP's words read with the word families (failure-words.ts). The families reach the worker
 * as a packaged file, compiled here on the first failure that needs them: a worker woken for a
 * deadline or a poll with nothing failed never parses or compiles them.
 */
export interface WordFamilies {
  ambiguous: RegExp;
  families: readonly (readonly [Cause, readonly RegExp[]])[];
}

/** No words read: facts alone decide, and words point nowhere (UNKNOWN). */
export const NO_WORDS: WordFamilies = { ambiguous: /(?!)/, families: [] };

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The families compiled from their packaged form; a clear error if it is not that form. */
export function compileWordFamilies(data: unknown): WordFamilies {
  const { ambiguous, families } = (data ?? {}) as { ambiguous?: unknown; families?: unknown };
  if (typeof ambiguous !== 'string' || !Array.isArray(families) || families.length === 0) {
    throw new TypeError('The failure words are not an object with an "ambiguous" pattern and a list of families.');
  }
  return {
    ambiguous: new RegExp(ambiguous, 'u'),
    families: families.map((family: unknown, i) => {
      const [cause, sources] = Array.isArray(family) ? (family as unknown[]) : [];
      if (!CAUSES.includes(cause as Cause) || !isStrings(sources)) throw new TypeError(`Failure word family ${i + 1} is not a known cause with a list of patterns.`);
      return [cause as Cause, sources.map((s) => new RegExp(s, 'u'))] as const;
    }),
  };
}

// Enough of a message to hold its meaning; beyond this a message is a dump, not a sentence.
const MAX_MESSAGE_CHARS = 4000;

/** Lower-case, one spacing, quotes and brackets out; periods that are not sentence ends removed. */
function normalizeMessage(message: string): string {
  return message
    .slice(0, MAX_MESSAGE_CHARS)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/(?<![a-z])'|'(?![a-z])/g, ' ')
    .replace(/%20/g, ' ')
    .replace(/["\u201c\u201d()[\]{}<>]/g, ' ')
    .replace(/(\d)[.,](\d)/g, '$1$2')
    .replace(/\b(no|nbr|num|ref|chk|acct)\.(?=\s*[#\w])/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The cause the ERP's words point to, or UNKNOWN. Never throws. */
export function causeFromWords(messages: readonly string[], words: WordFamilies): Cause {
  const texts = messages
    .filter((m): m is string => typeof m === 'string')
    .map(normalizeMessage)
    .filter((t) => t && !words.ambiguous.test(t));
  if (texts.length === 0) return 'UNKNOWN';
  // Families in priority order across all messages: a specific cause anywhere beats a vague one.
  for (const [cause, patterns] of words.families) {
    if (texts.some((t) => patterns.some((p) => p.test(t)))) return cause;
  }
  return 'UNKNOWN';
}
