// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTicker } from '../../../utils/overlay/ticker';

let hidden = false;
beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  hidden = false;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
});
afterEach(() => vi.useRealTimers());

describe('the shared ticker', () => {
  it('ticks once a second for its subscribers only, on whole seconds', () => {
    const ticker = createTicker(document);
    const a = vi.fn();
    const b = vi.fn();
    const stopA = ticker.subscribe(a);
    ticker.subscribe(b);
    vi.advanceTimersByTime(3010);
    expect(a).toHaveBeenCalledTimes(3);
    expect(b).toHaveBeenCalledTimes(3);
    expect(ticker.now() % 1000).toBe(5);
    stopA();
    vi.advanceTimersByTime(2000);
    expect(a).toHaveBeenCalledTimes(3);
    expect(b).toHaveBeenCalledTimes(5);
    ticker.dispose();
  });

  it('keeps no timer without subscribers and pauses while the tab is hidden', () => {
    const ticker = createTicker(document);
    expect(vi.getTimerCount()).toBe(0);
    const listener = vi.fn();
    const stop = ticker.subscribe(listener);
    expect(vi.getTimerCount()).toBe(1);
    hidden = true;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(listener).not.toHaveBeenCalled();
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    // Catches up at once on return, then every second.
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1010);
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    ticker.dispose();
  });
});
