/**
 * When to try again after a socket closed, from the close code (docs/live-protocol.md, "Close codes"):
 * null means stop (not a participant, no such room, room closed); otherwise a pause that doubles from
 * 1 s to 30 s with the failures in a row, so a county link that drops for minutes is not hammered.
 */
export function retryDelay(closeCode: number, failuresInARow: number): number | null {
  if (closeCode === 4403 || closeCode === 4404 || closeCode === 4410) return null;
  if (closeCode === 4401) return 0; // a fresh ticket is all it needs
  return Math.min(30_000, 1000 * 2 ** Math.min(Math.max(failuresInARow - 1, 0), 5));
}

/** Frames the server sends on the user's own channel (docs/live-protocol.md). */
export interface PushFrame {
  v: 1;
  type: 'push';
  kind: string;
  payload: unknown;
}

export function parsePush(data: string): PushFrame | null {
  try {
    const frame = JSON.parse(data) as Partial<PushFrame>;
    return frame.v === 1 && frame.type === 'push' && typeof frame.kind === 'string' ? (frame as PushFrame) : null;
  } catch {
    return null;
  }
}
