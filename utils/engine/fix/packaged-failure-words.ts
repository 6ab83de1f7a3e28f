import { browser } from 'wxt/browser';
import { FAILURE_WORDS_FILE } from '../../domain/failure-words-file';
import { compileWordFamilies, type WordFamilies } from '../../domain/failure-wording';

/** How the engine gets the word families: the packaged file in the product, the module in a unit test. */
export type WordSource = () => Promise<WordFamilies>;

let loading: Promise<WordFamilies> | undefined;

/**
 * The families from the extension's own package, read and compiled once per worker life, on the
 * first failure to diagnose. A read that fails is tried again at the next failure.
 */
export const packagedFailureWords: WordSource = () => {
  loading ??= readPackaged().catch((error: unknown) => {
    loading = undefined;
    throw new Error(`ERP Sync Watch could not read its failure wording (${FAILURE_WORDS_FILE} in its own package): ${error instanceof Error ? error.message : String(error)}`);
  });
  return loading;
};

async function readPackaged(): Promise<WordFamilies> {
  // The path is made by the build, so it is not among WXT's typed public paths.
  const response = await fetch(browser.runtime.getURL(`/${FAILURE_WORDS_FILE}` as '/'));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return compileWordFamilies(await response.json());
}
