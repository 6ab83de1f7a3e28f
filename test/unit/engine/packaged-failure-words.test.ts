import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileWordFamilies, causeFromWords } from '../../../utils/domain/failure-wording';
import { FAILURE_WORDS } from '../../../utils/domain/failure-words';
import { packagedFailureWords } from '../../../utils/engine/fix/packaged-failure-words';

const packaged = () => new Response(JSON.stringify(FAILURE_WORDS), { headers: { 'Content-Type': 'application/json' } });

describe('packaged failure words', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the package once per worker life, and reads again after a failed read', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(new Response('gone', { status: 404 })).mockResolvedValue(packaged());
    vi.stubGlobal('fetch', fetch);
    await expect(packagedFailureWords()).rejects.toThrow(/could not read its failure wording \(failure-words\.json in its own package\): HTTP 404/);
    const words = await packagedFailureWords();
    await packagedFailureWords();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(String(fetch.mock.calls[1]![0])).toMatch(/^chrome-extension:\/\/[^/]+\/failure-words\.json$/);
    expect(causeFromWords(['Duplicate Document Number Error'], words)).toBe('DUPLICATE_CHECK_NUMBER');
  });

  it.each([
    [null, /not an object with an "ambiguous" pattern/],
    [{ ambiguous: 'x', families: [] }, /not an object with an "ambiguous" pattern/],
    [{ ambiguous: 'x', families: [['NO_SUCH_CAUSE', ['a']]] }, /family 1 is not a known cause/],
    [{ ambiguous: 'x', families: [['TRANSIENT', ['a']], ['TRANSIENT', [1]]] }, /family 2 is not a known cause with a list of patterns/],
  ])('says what is wrong with a malformed file (%j)', (data, message) => {
    expect(() => compileWordFamilies(data)).toThrow(message);
  });
});
