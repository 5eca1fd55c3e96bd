import { describe, expect, it } from 'vitest';
import { EMPTY_ROOM, applyEvent, leader, people, votesOn, type RoomEvent } from './roomState';

const li = { userId: 'u-li', displayName: '李明', role: 'chair' };
const joined = (c: string, who = li): RoomEvent => ({ type: 'presence.joined', data: { ...who, connectionId: c } });

describe('room state from events', () => {
  it('tracks presence by connection and shows each person once', () => {
    let s = applyEvent(EMPTY_ROOM, 1, joined('c1'));
    s = applyEvent(s, 2, joined('c2'));
    s = applyEvent(s, 3, joined('c3', { userId: 'u-zhou', displayName: '周婷', role: 'member' }));
    expect(people(s).map((p) => p.displayName)).toEqual(['李明', '周婷']);
    s = applyEvent(s, 4, { type: 'presence.left', data: { connectionId: 'c3' } });
    expect(people(s).map((p) => p.displayName)).toEqual(['李明']);
  });

  it('keeps the chat in seq order with its authors', () => {
    let s = applyEvent(EMPTY_ROOM, 5, { type: 'chat', actor: li, data: { text: '看第42层' } });
    s = applyEvent(s, 6, { type: 'chat', actor: { userId: 'u-zhou', displayName: '周婷' }, data: { text: '同意' } });
    expect(s.chat.map((c) => `${c.seq} ${c.author}: ${c.text}`)).toEqual(['5 李明: 看第42层', '6 周婷: 同意']);
  });

  it('ignores an event it already has (a replay after reconnecting)', () => {
    const s = applyEvent(EMPTY_ROOM, 7, { type: 'chat', actor: li, data: { text: 'once' } });
    expect(applyEvent(s, 7, { type: 'chat', actor: li, data: { text: 'once' } })).toBe(s);
    expect(applyEvent(s, 3, { type: 'chat', actor: li, data: { text: 'old' } })).toBe(s);
  });

  it('creates, updates and deletes annotations, and counts a user\'s last vote', () => {
    let s = applyEvent(EMPTY_ROOM, 1, { type: 'annotation.created', actor: li, data: { annotation: { id: 'a1', kind: 'line' } } });
    s = applyEvent(s, 2, { type: 'annotation.updated', actor: li, data: { annotation: { id: 'a1', kind: 'line', label: 'L1' } } });
    expect(s.annotations.a1.label).toBe('L1');
    s = applyEvent(s, 3, { type: 'annotation.deleted', actor: li, data: { annotationId: 'a1' } });
    expect(s.annotations).toEqual({});
    s = applyEvent(s, 4, { type: 'vote.cast', actor: li, data: { question: 'q', choice: 'SBRT' } });
    s = applyEvent(s, 5, { type: 'vote.cast', actor: li, data: { question: 'q', choice: 'surgery' } });
    expect(votesOn(s, 'q').map((v) => `${v.author}: ${v.choice}`)).toEqual(['李明: surgery']);
  });

  it('follows the presenter\'s settled viewport while follow-me lasts, and nobody else\'s', () => {
    const zhou = { userId: 'u-zhou', displayName: '周婷', role: 'specialist' };
    let s = applyEvent(EMPTY_ROOM, 1, { type: 'follow.started', actor: li,
      data: { presenter: { userId: 'u-li', displayName: '李明' }, viewport: { slice: 48 } } });
    expect(s.follow?.displayName).toBe('李明');
    expect(s.viewport?.slice).toBe(48);
    s = applyEvent(s, 2, { type: 'viewport.set', actor: zhou, data: { viewport: { slice: 10 } } });
    expect(s.viewport?.slice).toBe(48);
    s = applyEvent(s, 3, { type: 'viewport.set', actor: li, data: { viewport: { slice: 50, window: { center: -600, width: 1500 } } } });
    expect(s.viewport).toEqual({ slice: 50, window: { center: -600, width: 1500 } });
    s = applyEvent(s, 4, { type: 'follow.stopped', actor: li, data: {} });
    expect(s.follow).toBeNull();
  });

  it('has nobody lead while the presenter is out of the room', () => {
    let s = applyEvent(EMPTY_ROOM, 1, joined('c1'));
    s = applyEvent(s, 2, { type: 'follow.started', actor: li, data: { presenter: { userId: 'u-li', displayName: '李明' } } });
    expect(leader(s)?.displayName).toBe('李明');
    s = applyEvent(s, 3, { type: 'presence.left', data: { connectionId: 'c1' } });
    expect(leader(s)).toBeNull();
    expect(s.follow?.userId).toBe('u-li');
    s = applyEvent(s, 4, joined('c2'));
    expect(leader(s)?.displayName).toBe('李明');
  });

  it('keeps who holds each edit lease until it is released, and an annotation\'s author through others\' edits', () => {
    const zhou = { userId: 'u-zhou', displayName: '周婷' };
    let s = applyEvent(EMPTY_ROOM, 1, { type: 'annotation.created', actor: li, data: { annotation: { id: 'a1', kind: 'line' } } });
    s = applyEvent(s, 2, { type: 'lease.granted', actor: zhou, data: { target: 'annotation:a1', expiresAt: '2026-01-01T00:00:30Z' } });
    expect(s.leases['annotation:a1']).toEqual({ userId: 'u-zhou', displayName: '周婷', expiresAt: '2026-01-01T00:00:30Z' });
    s = applyEvent(s, 3, { type: 'annotation.updated', actor: zhou, data: { annotation: { id: 'a1', kind: 'line', points: [[1, 1], [2, 2]] } } });
    expect(s.annotations.a1).toMatchObject({ author: '李明', editedBy: '周婷', points: [[1, 1], [2, 2]] });
    s = applyEvent(s, 4, { type: 'lease.released', data: { target: 'annotation:a1', reason: 'expired' } });
    expect(s.leases).toEqual({});
  });
});
