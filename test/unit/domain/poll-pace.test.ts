import { describe, expect, it } from 'vitest';
import { pollPace, signedOutProbeMinutes } from '../../../utils/domain/poll-pace';

describe('poll pace', () => {
  it('paces polls by the work: 30 s while syncing, 5 min while only failures wait, discovery every 2 min; signed out, only the probe', () => {
    expect(pollPace({ signedIn: true, active: 3, waiting: 9 })).toEqual({ pollMinutes: 0.5, discoveryMinutes: 2, probeMinutes: null });
    expect(pollPace({ signedIn: true, active: 0, waiting: 9 })).toEqual({ pollMinutes: 5, discoveryMinutes: 2, probeMinutes: null });
    expect(pollPace({ signedIn: null, active: 0, waiting: 0 })).toEqual({ pollMinutes: null, discoveryMinutes: 2, probeMinutes: null });
    expect(pollPace({ signedIn: false, active: 3, waiting: 9 })).toEqual({ pollMinutes: null, discoveryMinutes: null, probeMinutes: 5 });
  });

  it('probes every half window: 5 minutes in the product, shorter only on a sandbox window', () => {
    expect(signedOutProbeMinutes()).toBe(5);
    expect(pollPace({ signedIn: false, active: 0, waiting: 0, windowMs: 60_000 }).probeMinutes).toBe(0.5);
  });
});
