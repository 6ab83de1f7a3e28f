import { describe, expect, it } from 'vitest';
import { isStorageFull } from '../../../utils/store/storage-full';

describe('isStorageFull', () => {
  it('recognises a quota error, a transaction abort caused by one, and a full disk in words', () => {
    expect(isStorageFull(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    const abort = new DOMException('Transaction aborted', 'AbortError');
    expect(isStorageFull(Object.assign(new Error('write failed'), { cause: new DOMException('', 'QuotaExceededError') }))).toBe(true);
    expect(isStorageFull(abort)).toBe(false);
    expect(isStorageFull(new Error('NS_ERROR_FILE_NO_DEVICE_SPACE'))).toBe(true);
  });

  it('leaves every other error alone', () => {
    expect(isStorageFull(new TypeError('fetch failed'))).toBe(false);
    expect(isStorageFull(new DOMException('Key already exists', 'ConstraintError'))).toBe(false);
    expect(isStorageFull('quota')).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });
});
