import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnotationEdits } from './annotationEdits';

describe('editing an annotation under its lease', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('takes the lease, sends only the latest change per interval, renews, and sends the last change before releasing', () => {
    const sent: [string, Record<string, unknown>][] = [];
    let held: string[] = [];
    const edits = new AnnotationEdits((op, f) => sent.push([op, f]), () => held, 200, 10_000);
    edits.begin('a1');
    expect(sent).toEqual([['lease.acquire', { target: 'annotation:a1' }]]);
    held = ['a1']; // the room granted it
    edits.change({ id: 'a1', n: 1 } as { id: string });
    edits.change({ id: 'a1', n: 2 } as { id: string });
    vi.advanceTimersByTime(200);
    expect(sent.slice(1)).toEqual([['annotation.update', { annotation: { id: 'a1', n: 2 } }]]);
    vi.advanceTimersByTime(9_800);
    expect(sent[2]).toEqual(['lease.acquire', { target: 'annotation:a1' }]);
    edits.change({ id: 'a1', n: 3 } as { id: string });
    edits.finish('a1');
    held = [];
    expect(sent.slice(3)).toEqual([
      ['annotation.update', { annotation: { id: 'a1', n: 3 } }],
      ['lease.release', { target: 'annotation:a1' }],
    ]);
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(5); // nothing renewed or sent after the release
    edits.dispose();
  });

  it('neither renews nor edits under a lease it does not hold (refused, or lost with the connection)', () => {
    const sent: string[] = [];
    const edits = new AnnotationEdits((op) => sent.push(op), () => []);
    edits.begin('a2');
    edits.change({ id: 'a2' });
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual(['lease.acquire']);
    edits.dispose();
  });
});
