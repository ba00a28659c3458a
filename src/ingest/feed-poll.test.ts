import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_SECONDS, nextDelaySeconds } from './feed-poll.js';

describe('nextDelaySeconds', () => {
  it.each([
    [300, 0, 300],
    [300, 1, 600],
    [300, 3, 2400],
    [300, 30, MAX_BACKOFF_SECONDS],
    [null, 0, 900],
    [2 * MAX_BACKOFF_SECONDS, 2, 2 * MAX_BACKOFF_SECONDS], // a daily-or-rarer feed never waits less than its schedule
  ])('every %s s after %i failures → %i s', (every, failures, want) => {
    expect(nextDelaySeconds(every, failures)).toBe(want);
  });
});
