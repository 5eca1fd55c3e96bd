import { describe, expect, it } from 'vitest';
import { withEdits } from './geometry';
import { EMPTY_REVIEW, applyReviewEvent, leaseOn, polygonsOnPlane } from './reviewState';

const li = { userId: 'u-li', displayName: '李明' };
const edit = (e: Record<string, unknown>) => ({ type: 'contour.edited', actor: li, data: { edit: e } });
const tri = (z: number) => [[0, 0, z], [10, 0, z], [0, 10, z]];

describe('review room state from events', () => {
  it('keeps who holds each ROI lease until released or expired', () => {
    let s = applyReviewEvent(EMPTY_REVIEW, 1, { type: 'lease.granted', actor: li, data: { target: 'roi:8', expiresAt: '2099-01-01T00:00:00Z' } });
    expect(leaseOn(s, 8)?.displayName).toBe('李明');
    expect(leaseOn(s, 8, Date.parse('2100-01-01T00:00:00Z'))).toBeUndefined();
    s = applyReviewEvent(s, 2, { type: 'lease.released', data: { target: 'roi:8', reason: 'disconnect' } });
    expect(leaseOn(s, 8)).toBeUndefined();
  });
  it('applies contour adds, replaces and deletes, and remembers every touched plane', () => {
    let s = applyReviewEvent(EMPTY_REVIEW, 1, edit({ action: 'add', roiNumber: 4, polygonId: 'p1', plane: { z: 2.5 }, points: tri(2.5) }));
    s = applyReviewEvent(s, 2, edit({ action: 'add', roiNumber: 4, polygonId: 'p2', plane: { z: 5 }, points: tri(5) }));
    s = applyReviewEvent(s, 3, edit({ action: 'replace', roiNumber: 4, polygonId: 'p1', plane: { z: 2.5 }, points: [[1, 1, 2.5], [9, 1, 2.5], [1, 9, 2.5]] }));
    s = applyReviewEvent(s, 4, edit({ action: 'delete', roiNumber: 4, polygonId: 'p2' }));
    expect(Object.keys(s.contours.polygons)).toEqual(['p1']);
    expect(s.contours.polygons.p1.points.slice(0, 3)).toEqual([1, 1, 2.5]);
    expect(s.contours.touched[4]).toEqual({ '2.50': true, '5.00': true });
    expect(polygonsOnPlane(s, 4, 2.5)).toEqual(['p1']);
    expect(s.editedAt[4]).toBe(4);
    expect(s.editedBy[4]).toBe('李明');
    // the deleted plane is empty in the merged view, as the server's commit makes it
    const merged = withEdits([{ number: 4, name: 'CORD', planes: [{ z: 5, polygons: [{ points: tri(5).flat() }] }] }], s.contours);
    expect(merged[0].planes.map((p) => [p.z, p.polygons.length])).toEqual([[2.5, 1]]);
  });
  it('ignores an event it has already applied (a replay after reconnecting)', () => {
    const s = applyReviewEvent(EMPTY_REVIEW, 5, edit({ action: 'add', roiNumber: 4, polygonId: 'p1', plane: { z: 0 }, points: tri(0) }));
    expect(applyReviewEvent(s, 5, edit({ action: 'delete', roiNumber: 4, polygonId: 'p1' }))).toBe(s);
  });
});
