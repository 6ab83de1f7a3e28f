// Procore's ids are JSON numbers that may pass 2^53 (PROCORE-CONTRACT.md "Paging, limits,
// errors"). The sandbox keeps such ids as decimal strings and writes them as bare JSON numbers,
// so a client that reads them with plain JSON.parse loses digits, as it would on Procore.

const MARK = '\u0000json-number:';
const MARKED = /"\\u0000json-number:(-?\d+)"/g;

/** A decimal integer to be written as a JSON number, whatever its size. */
export const jsonNumber = (digits: string): string => {
  if (!/^-?\d+$/.test(digits)) throw new Error(`Not a decimal integer: ${digits}`);
  return `${MARK}${digits}`;
};

/** JSON.stringify that writes jsonNumber values as numbers. */
export const stringifyJson = (body: unknown): string => JSON.stringify(body).replace(MARKED, '$1');
