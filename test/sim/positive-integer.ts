/** Check numbers, cents and counts the sandbox accepts: safe, whole, above zero. */
export const isPositiveInteger = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
