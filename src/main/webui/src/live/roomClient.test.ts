import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { RoomClient } from './roomClient';

const li = { userId: 'u-li', displayName: '李明', role: 'chair' };

describe('room client', () => {
  it('tells whoever reads its state about every event it applies, and about errors', () => {
    const client = new RoomClient('room-1');
    const chat: number[] = [];
    const errors: (string | null)[] = [];
    const stop = effect(() => {
      chat.push(client.state.chat.length);
      errors.push(client.lastError);
    });
    client.receive({ v: 1, type: 'event', seq: 1, event: { type: 'chat', actor: li, data: { text: '看第49层' } } });
    client.receive({ v: 1, type: 'event', seq: 1, event: { type: 'chat', actor: li, data: { text: '看第49层' } } });
    client.receive({ v: 1, type: 'error', code: 'rate-limited', message: 'too many operations' });
    stop();
    expect(chat).toEqual([0, 1, 1]);
    expect(errors.at(-1)).toBe('too many operations');
  });
});
