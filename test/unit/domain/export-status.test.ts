import { describe, expect, it } from 'vitest';
import { exportStatusOf } from '../../../utils/domain/export-status';

describe('exportStatusOf (PROCORE-CONTRACT.md status words)', () => {
  it.each([
    ['success', 'success'],
    ['failed', 'failed'],
    ['Failed', 'failed'],
    ['stale', 'stale'],
    ['stale_request', 'stale'],
    ['failed_stale', 'stale'],
    ['in_progress', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['processing', 'in_progress'],
    [null, 'in_progress'],
    ['unsuccessful', 'in_progress'],
  ])('%s → %s', (word, status) => {
    expect(exportStatusOf(word)).toBe(status);
  });
});
