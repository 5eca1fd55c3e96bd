import { describe, expect, it } from 'vitest';
import { parsePush, retryDelay } from './reconnect';

describe('reconnecting a live socket', () => {
  it('stops for good when the user is not admitted, the room is gone or closed', () => {
    expect([4403, 4404, 4410].map((c) => retryDelay(c, 1))).toEqual([null, null, null]);
  });
  it('asks for a new ticket at once when the ticket was refused', () => {
    expect(retryDelay(4401, 1)).toBe(0);
  });
  it('backs off from 1 s, doubling, to at most 30 s after a dropped network', () => {
    expect([1, 2, 3, 6, 20].map((n) => retryDelay(1006, n))).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });
});

describe('user channel frames', () => {
  it('reads a notification push and ignores other frames and other versions', () => {
    expect(parsePush('{"v":1,"type":"push","kind":"notification","payload":{"id":"x"}}')?.kind).toBe('notification');
    expect(parsePush('{"v":2,"type":"push","kind":"notification"}')).toBeNull();
    expect(parsePush('{"v":1,"type":"welcome"}')).toBeNull();
    expect(parsePush('not json')).toBeNull();
  });
});
