import { api, must } from '../api/client';
import { retryDelay } from './reconnect';
import { EMPTY_ROOM, applyEvent, type RoomEvent, type RoomState } from './roomState';

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'stopped';

interface Frame {
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
 */
export class RoomClient {
  state: RoomState = EMPTY_ROOM;
  connection: Connection = 'connecting';
  lastError: string | null = null;
  private socket: WebSocket | null = null;
  private stopped = false;
  private failures = 0;
  private counter = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<string, Record<string, unknown>>();

  /** @param onEvent also sees every event applied, for a screen that keeps more state than the reducer */
  constructor(private readonly roomId: string, private readonly onChange: () => void,
    private readonly onEvent?: (seq: number, event: RoomEvent) => void) {}

  start(): void {
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.connection = 'stopped';
    clearTimeout(this.timer);
    this.socket?.close(1000);
  }

  /** Sends a persistent operation; it is kept until acknowledged. */
  send(op: string, fields: Record<string, unknown>): string {
    const opId = `${op}-${Date.now().toString(36)}-${++this.counter}`;
    const frame = { v: 1, op, opId, ...fields };
    this.pending.set(opId, frame);
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
    return opId;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const ticket = must(await api.POST('/api/live/tickets', { body: { roomId: this.roomId } })) as { socketPath?: string };
      const url = new URL(ticket.socketPath!, location.origin);
      url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('lastSeq', String(this.state.seq));
      const socket = new WebSocket(url);
      this.socket = socket;
      socket.onmessage = (e) => this.receive(JSON.parse(String(e.data)) as Frame);
      socket.onclose = (e) => this.closed(e.code);
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      this.closed(1006);
    }
  }

  private receive(frame: Frame): void {
    if (frame.type === 'welcome') {
      this.failures = 0;
      this.connection = 'open';
      for (const op of this.pending.values()) this.socket?.send(JSON.stringify(op));
    } else if (frame.type === 'event' && frame.event && frame.seq != null) {
      if (frame.seq > this.state.seq) this.onEvent?.(frame.seq, frame.event);
      this.state = applyEvent(this.state, frame.seq, frame.event);
    } else if (frame.type === 'ack' && frame.opId) {
      this.pending.delete(frame.opId);
    } else if (frame.type === 'error') {
      if (frame.opId) this.pending.delete(frame.opId);
      this.lastError = frame.message ?? frame.code ?? 'error';
    }
    this.onChange();
  }

  private closed(code: number): void {
    this.socket = null;
    this.failures++;
    const delay = retryDelay(code, this.failures);
    if (this.stopped || delay === null) {
      this.connection = 'stopped';
    } else {
      this.connection = 'reconnecting';
      this.timer = setTimeout(() => void this.connect(), delay);
    }
    this.onChange();
  }
}
