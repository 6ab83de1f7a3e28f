/** Where the build puts the word families (wxt.config.ts) and the worker reads them from. */
export const FAILURE_WORDS_FILE = 'failure-words.json';
