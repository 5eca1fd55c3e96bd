/**
 * A live room's state as the client keeps it, built only by applying the room's events in seq order
 * (docs/live-protocol.md): who is present, the chat, the annotations and the votes. The same reducer
 * serves the live room and a replay up to any seq.
 */

export interface Actor {
  userId: string;
  displayName?: string;
  role?: string;
}

export interface RoomEvent {
  type: string;
  actor?: Actor;
  opId?: string;
  at?: string;
  data?: Record<string, unknown>;
}

export interface ChatLine {
  seq: number;
  author: string;
  text: string;
  at?: string;
}

export interface Presence {
  connectionId: string;
  userId: string;
  displayName: string;
  role?: string;
}

export interface RoomState {
  seq: number;
  presence: Presence[];
  chat: ChatLine[];
  annotations: Record<string, Record<string, unknown>>;
  votes: Record<string, { choice: string; author: string }>;
  closed: boolean;
}

export const EMPTY_ROOM: RoomState = { seq: 0, presence: [], chat: [], annotations: {}, votes: {}, closed: false };

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The state after one event; events at or below the state's seq are ignored (a replayed duplicate). */
export function applyEvent(state: RoomState, seq: number, event: RoomEvent): RoomState {
  if (seq <= state.seq) return state;
  const data = event.data ?? {};
  const next: RoomState = { ...state, seq };
  switch (event.type) {
    case 'presence.joined': {
      const p: Presence = {
        connectionId: str(data.connectionId), userId: str(data.userId),
        displayName: str(data.displayName) || str(data.userId), role: str(data.role) || undefined,
      };
      next.presence = [...state.presence.filter((x) => x.connectionId !== p.connectionId), p];
      break;
    }
    case 'presence.left':
      next.presence = state.presence.filter((x) => x.connectionId !== str(data.connectionId));
      break;
    case 'chat':
      next.chat = [...state.chat, {
        seq, author: event.actor?.displayName ?? event.actor?.userId ?? '', text: str(data.text), at: event.at,
      }];
      break;
    case 'annotation.created':
    case 'annotation.updated': {
      const a = (data.annotation ?? data) as Record<string, unknown>;
      const author = event.actor?.displayName ?? event.actor?.userId ?? '';
      if (typeof a.id === 'string') next.annotations = { ...state.annotations, [a.id]: { ...a, author } };
      break;
    }
    case 'annotation.deleted': {
      const { [str(data.annotationId)]: _gone, ...rest } = state.annotations;
      void _gone;
      next.annotations = rest;
      break;
    }
    case 'vote.cast': {
      const key = `${str(data.question)}|${event.actor?.userId ?? ''}`;
      next.votes = { ...state.votes, [key]: { choice: str(data.choice), author: event.actor?.displayName ?? '' } };
      break;
    }
    case 'room.closed':
      next.closed = true;
      break;
    default:
      break;
  }
  return next;
}

/** People present, each once however many tabs they have open. */
export function people(state: RoomState): Presence[] {
  const seen = new Map<string, Presence>();
  for (const p of state.presence) if (!seen.has(p.userId)) seen.set(p.userId, p);
  return [...seen.values()];
}
