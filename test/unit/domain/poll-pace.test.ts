import { describe, expect, it } from 'vitest';
import { pollPace } from '../../../utils/domain/poll-pace';

describe('poll pace', () => {
  it('paces polls by the work: 30 s while syncing, 5 min while only failures wait, discovery every 2 min, nothing signed out', () => {
    expect(pollPace({ signedIn: true, active: 3, waiting: 9 })).toEqual({ pollMinutes: 0.5, discoveryMinutes: 2 });
    expect(pollPace({ signedIn: true, active: 0, waiting: 9 })).toEqual({ pollMinutes: 5, discoveryMinutes: 2 });
    expect(pollPace({ signedIn: null, active: 0, waiting: 0 })).toEqual({ pollMinutes: null, discoveryMinutes: 2 });
    expect(pollPace({ signedIn: false, active: 3, waiting: 9 })).toEqual({ pollMinutes: null, discoveryMinutes: null });
  });
});
