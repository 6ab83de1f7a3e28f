import { describe, expect, it } from 'vitest';
import { deadlineFor } from '../../../utils/domain/deadline';

describe('deadline', () => {
  it('is funding complete + the window, 10 minutes by default', () => {
    expect(deadlineFor(1_000_000)).toBe(1_600_000);
    expect(deadlineFor(1_000_000, 30_000)).toBe(1_030_000);
  });
});
