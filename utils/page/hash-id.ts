const ID = /^[\w.:-]{1,200}$/;

/**
 * An id the extension put in a Procore page's URL fragment (`#key=id`), e.g. which record's fix
 * to open. The page and the user can write fragments too: only a plain id is taken.
 */
export function idFromHash(hash: string, key: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(key);
  return value && ID.test(value) ? value : null;
}

/** Whether a message's id has the same plain shape. */
export const isPlainId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

/** `#esw-edit=<fundingAccountId>`: Payments Settings opens that account's Edit Account Details with the advised number. */
export const EDIT_HASH_KEY = 'esw-edit';
