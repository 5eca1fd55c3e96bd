import { api, must } from '../api/client';
import { parsePush, retryDelay, type PushFrame } from './reconnect';

/**
 * The signed-in user's own live channel (/api/live/me/socket): a one-time ticket over REST, then the
 * socket; reconnects with a fresh ticket after a drop. Returns a function that closes it for good.
 */
export function openUserChannel(onPush: (frame: PushFrame) => void, onOpen: () => void = () => {}): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    if (stopped) return;
    try {
      const ticket = must(await api.POST('/api/live/tickets', { body: {} })) as { socketPath?: string };
      const url = new URL(ticket.socketPath!, location.origin);
      url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = new WebSocket(url);
      socket.onopen = () => {
        failures = 0;
        onOpen();
      };
      socket.onmessage = (e) => {
        const push = parsePush(String(e.data));
        if (push) onPush(push);
      };
      socket.onclose = (e) => schedule(e.code);
    } catch {
      schedule(1006);
    }
  };
  const schedule = (code: number) => {
    socket = null;
    failures++;
    const delay = retryDelay(code, failures);
    if (!stopped && delay !== null) timer = setTimeout(connect, delay);
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close(1000);
  };
}
