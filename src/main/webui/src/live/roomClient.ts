import { signal } from '@preact/signals';
import { api, must } from '../api/client';
import { retryDelay } from './reconnect';
import { EMPTY_ROOM, applyEvent, type RoomEvent, type RoomState } from './roomState';

const HEARTBEAT_MS = 15_000;

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface Frame {
  v: number;
  type: string;
  seq?: number;
  event?: RoomEvent;
  opId?: string;
  code?: string;
  message?: string;
}

/**
 * One live room over its socket (docs/live-protocol.md): a one-time ticket, then the socket with
 * {@code lastSeq}; the room's whole log is replayed from seq 0 on first connect, so the state is built by
 * one reducer. After a drop it reconnects with the last seq it applied and receives exactly what it
 * missed; operations not yet acknowledged are sent again with the same opId (the server acks a duplicate
 * without applying it twice).
 *
 * Its state, connection and last error are signals: a component that reads them during its render is
 * rendered again when they change, whatever its props. (A plain field with a redraw callback on the page
 * left child components such as the chat unrendered: with @preact/signals, a component with the same props
 * and no changed hook state of its own is skipped, so a chat line that had arrived was never shown.)
 */
export class RoomClient {
  readonly room = signal<RoomState>(EMPTY_ROOM);
  readonly status = signal<Connection>('connecting');
  readonly error = signal<string | null>(null);
  private socket: WebSocket | null = null;
  private stopped = false;
  private failures = 0;
  private counter = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private heard = Date.now();
  private connecting = false;
  private readonly pending = new Map<string, Record<string, unknown>>();

  /** @param onEvent also sees every new event, for a screen that keeps more state than the room reducer (the RT review) */
  constructor(private readonly roomId: string,
    private readonly onEvent?: (seq: number, event: RoomEvent) => void) {}

  get state(): RoomState {
    return this.room.value;
  }

  get connection(): Connection {
    return this.status.value;
  }

  get lastError(): string | null {
    return this.error.value;
  }

  /** Operations sent and not yet acknowledged, by opId. */
  get unacknowledged(): number {
    return this.pending.size;
  }

  start(): void {
    globalThis.addEventListener?.('offline', this.wentOffline);
    globalThis.addEventListener?.('online', this.cameOnline);
    this.heartbeat = setInterval(this.beat, HEARTBEAT_MS);
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.status.value = 'stopped';
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    globalThis.removeEventListener?.('offline', this.wentOffline);
    globalThis.removeEventListener?.('online', this.cameOnline);
    this.socket?.close(1000);
  }

  /** The browser says the network is gone: a socket over it would hang half-open, so drop it now. */
  private readonly wentOffline = () => {
    const socket = this.socket;
    if (socket) {
      socket.close(4000);
      this.closed(socket, 1006);
    }
  };

  /** The network is back: reconnect now instead of waiting out the back-off. */
  private readonly cameOnline = () => {
    if (this.stopped || this.socket || this.connecting) return;
    clearTimeout(this.timer);
    this.failures = 0;
    void this.connect();
  };

  /** A ping every 15 s; a socket that has heard nothing for three beats is dead and is replaced. */
  private readonly beat = () => {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.heard > 3 * HEARTBEAT_MS) {
      socket.close(4000);
      this.closed(socket, 1006);
    } else {
      socket.send(JSON.stringify({ v: 1, op: 'ping' }));
    }
  };

  /** Sends a persistent operation; it is kept until acknowledged. */
  send(op: string, fields: Record<string, unknown>): string {
    const opId = `${op}-${Date.now().toString(36)}-${++this.counter}`;
    const frame = { v: 1, op, opId, ...fields };
    this.pending.set(opId, frame);
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
    return opId;
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.connecting) return;
    this.connecting = true;
    try {
      const ticket = must(await api.POST('/api/live/tickets', { body: { roomId: this.roomId } })) as { socketPath?: string };
      const url = new URL(ticket.socketPath!, location.origin);
      url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('lastSeq', String(this.room.peek().seq));
      if (this.stopped) return;
      const socket = new WebSocket(url);
      this.socket = socket;
      this.heard = Date.now();
      socket.onmessage = (e) => this.receive(JSON.parse(String(e.data)) as Frame);
      socket.onclose = (e) => this.closed(socket, e.code);
    } catch (e) {
      this.error.value = e instanceof Error ? e.message : String(e);
      this.connecting = false;
      this.closed(null, 1006);
    } finally {
      this.connecting = false;
    }
  }

  /** One frame from the server (docs/live-protocol.md, "Server to client"). */
  receive(frame: Frame): void {
    this.heard = Date.now();
    if (frame.type === 'welcome') {
      this.failures = 0;
      this.error.value = null;
      this.status.value = 'open';
      for (const op of this.pending.values()) this.socket?.send(JSON.stringify(op));
    } else if (frame.type === 'event' && frame.event && frame.seq != null) {
      if (frame.seq > this.room.peek().seq) this.onEvent?.(frame.seq, frame.event);
      this.room.value = applyEvent(this.room.peek(), frame.seq, frame.event);
    } else if (frame.type === 'ack' && frame.opId) {
      this.pending.delete(frame.opId);
    } else if (frame.type === 'error') {
      if (frame.opId) this.pending.delete(frame.opId);
      this.error.value = frame.message ?? frame.code ?? 'error';
    }
  }

  private closed(socket: WebSocket | null, code: number): void {
    if (socket && socket !== this.socket) return; // an old socket's late close says nothing about the current one
    this.socket = null;
    this.failures++;
    const delay = retryDelay(code, this.failures);
    if (this.stopped || delay === null) {
      this.status.value = 'stopped';
    } else {
      this.status.value = 'reconnecting';
      this.timer = setTimeout(() => void this.connect(), delay);
    }
  }
}
