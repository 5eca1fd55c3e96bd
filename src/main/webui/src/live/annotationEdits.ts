/**
 * Editing annotations in a room under their leases (docs/live-protocol.md, "Leases"): taking the lease
 * `annotation:<id>` before changing it, sending its changes at most every {@code every} ms while it is
 * dragged (the room allows 20 persistent ops a second), renewing the leases held while the edits last (a
 * lease ends unrenewed after 30 s), and, when done, the last change before the release. What is held is
 * what the room's events say ({@code holding}), so a lease refused, expired or lost with the connection
 * is neither renewed nor edited under.
 */
export type Send = (op: string, fields: Record<string, unknown>) => unknown;

const target = (id: string) => `annotation:${id}`;

export class AnnotationEdits {
  private readonly latest = new Map<string, { id: string }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly renewal: ReturnType<typeof setInterval>;

  constructor(private readonly send: Send, private readonly holding: () => string[],
    private readonly every = 200, renewEvery = 10_000) {
    this.renewal = setInterval(() => {
      for (const id of this.holding()) this.send('lease.acquire', { target: target(id) });
    }, renewEvery);
  }

  /** Asks for the lease; the room's lease.granted (or a lease-held error naming the holder) answers. */
  begin(id: string): void {
    this.send('lease.acquire', { target: target(id) });
  }

  /** A change of an annotation being edited; sent after at most {@code every} ms, the latest one only. */
  change(annotation: { id: string }): void {
    this.latest.set(annotation.id, annotation);
    if (this.timers.has(annotation.id)) return;
    this.timers.set(annotation.id, setTimeout(() => this.flush(annotation.id), this.every));
  }

  /** The last change, then the lease's release. */
  finish(id: string): void {
    this.flush(id);
    this.send('lease.release', { target: target(id) });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    clearInterval(this.renewal);
  }

  private flush(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const a = this.latest.get(id);
    this.latest.delete(id);
    if (a && this.holding().includes(id)) this.send('annotation.update', { annotation: a });
  }
}
