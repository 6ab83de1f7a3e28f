/**
 * JSON.parse that keeps integers beyond 2^53 exact: such a literal becomes its decimal string
 * (PROCORE-CONTRACT.md: ids are JSON numbers that may exceed 2^53; keep every id as a string).
 * A small tokenizer instead of a reviver with `context.source`, which Node 20 lacks: it quotes
 * only integer literals outside strings whose value a double cannot hold, then parses as usual.
 */
export function parseJsonExact(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text));
}

const NUMBER_START = /[-0-9]/;
const NUMBER_CHAR = /[-+0-9.eE]/;

function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copiedTo = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      // Skip the string, escapes included.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (!NUMBER_START.test(ch)) continue;
    let end = i + 1;
    while (end < text.length && NUMBER_CHAR.test(text[end]!)) end++;
    const literal = text.slice(i, end);
    if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
      out += `${text.slice(copiedTo, i)}"${literal}"`;
      copiedTo = end;
    }
    i = end - 1;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}
