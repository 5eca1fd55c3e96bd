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

/** A viewport as the protocol carries it (docs/live-protocol.md, "Viewport"). */
export interface Viewport {
  studyUid?: string;
  seriesUid?: string;
  sopInstanceUid?: string;
  slice?: number;
  window?: { center: number; width: number };
  zoom?: number;
  pan?: [number, number];
}

export interface Vote {
  question: string;
  choice: string;
  opinion?: string;
  userId: string;
  author: string;
  seq: number;
}

/** Who holds an edit lease (docs/live-protocol.md, "Leases"). */
export interface Lease {
  userId: string;
  displayName: string;
  expiresAt?: string;
}

export interface RoomState {
  seq: number;
  presence: Presence[];
  chat: ChatLine[];
  annotations: Record<string, Record<string, unknown>>;
  /** The last vote of each user on each question, keyed by question and user. */
  votes: Record<string, Vote>;
  /** Who leads "follow me", and the viewport they last settled on. */
  follow: { userId: string; displayName: string } | null;
  viewport: Viewport | null;
  /** Edit leases held now, by target (`annotation:<id>`, `roi:<n>`). */
  leases: Record<string, Lease>;
  closed: boolean;
}

export const EMPTY_ROOM: RoomState = {
  seq: 0, presence: [], chat: [], annotations: {}, votes: {}, follow: null, viewport: null, leases: {}, closed: false,
};

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
      // the author stays the one who drew it; whoever changed it last is its editor
      const a = (data.annotation ?? data) as Record<string, unknown>;
      const actor = event.actor?.displayName ?? event.actor?.userId ?? '';
      if (typeof a.id === 'string') {
        const before = state.annotations[a.id];
        next.annotations = { ...state.annotations, [a.id]: event.type === 'annotation.created' || !before
          ? { ...a, author: actor } : { ...a, author: before.author, editedBy: actor } };
      }
      break;
    }
    case 'annotation.deleted': {
      const { [str(data.annotationId)]: _gone, ...rest } = state.annotations;
      void _gone;
      next.annotations = rest;
      break;
    }
    case 'vote.cast': {
      const userId = event.actor?.userId ?? str(data.userId);
      const vote: Vote = {
        question: str(data.question), choice: str(data.choice), opinion: str(data.opinion) || undefined, userId,
        author: event.actor?.displayName ?? str(data.displayName), seq,
      };
      next.votes = { ...state.votes, [`${vote.question}|${userId}`]: vote };
      break;
    }
    case 'follow.started': {
      const presenter = (data.presenter ?? {}) as Record<string, unknown>;
      const userId = str(presenter.userId) || event.actor?.userId || '';
      next.follow = { userId, displayName: str(presenter.displayName) || event.actor?.displayName || userId };
      next.viewport = (data.viewport as Viewport | null) ?? state.viewport;
      break;
    }
    case 'follow.stopped':
      next.follow = null;
      break;
    case 'viewport.set':
      if (state.follow && event.actor?.userId === state.follow.userId) next.viewport = (data.viewport as Viewport) ?? null;
      break;
    case 'lease.granted': {
      const target = str(data.target);
      const userId = event.actor?.userId ?? '';
      next.leases = { ...state.leases, [target]: {
        userId, displayName: event.actor?.displayName ?? userId, expiresAt: str(data.expiresAt) || undefined,
      } };
      break;
    }
    case 'lease.released': {
      const { [str(data.target)]: _ended, ...others } = state.leases;
      void _ended;
      next.leases = others;
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

/**
 * Who leads "follow me" now: the presenter named by the log while they are in the room. A presenter whose
 * connection dropped leads nobody until they are back (the log keeps follow-me on until follow.stop).
 */
export function leader(state: RoomState): RoomState['follow'] {
  const f = state.follow;
  return f && state.presence.some((p) => p.userId === f.userId) ? f : null;
}

/** The votes on one question, oldest first. */
export function votesOn(state: RoomState, question: string): Vote[] {
  return Object.values(state.votes).filter((v) => v.question === question).sort((a, b) => a.seq - b.seq);
}

/** People present, each once however many tabs they have open. */
export function people(state: RoomState): Presence[] {
  const seen = new Map<string, Presence>();
  for (const p of state.presence) if (!seen.has(p.userId)) seen.set(p.userId, p);
  return [...seen.values()];
}
