import { describe, expect, it } from 'vitest';
import { attemptBody, byDice, drawnRois, planesDrawn, withPlane } from './drawing';

const square = (z: number) => [0, 0, z, 10, 0, z, 10, 10, z];

describe('a trainee drawing', () => {
  it('replaces a plane, clears it, and sends only targets with planes', () => {
    let d = withPlane({}, 'PTV', 5, 'sop-5', [square(5)]);
    d = withPlane(d, 'PTV', 5.001, 'sop-5', [square(5), square(5)]);
    expect(planesDrawn(d, 'PTV')).toBe(1);
    expect(attemptBody(d, ['GTV', 'PTV'])).toEqual({
      rois: [{ name: 'PTV', planes: [{ z: 5.001, sopInstanceUid: 'sop-5', polygons: [square(5), square(5)] }] }],
    });
    d = withPlane(d, 'PTV', 5, 'sop-5', []);
    expect(attemptBody(d, ['GTV', 'PTV'])).toEqual({ rois: [] });
  });
  it('gives the viewer one ROI per target, planes by z', () => {
    let d = withPlane({}, 'GTV', 9, 'b', [square(9)]);
    d = withPlane(d, 'GTV', 3, 'a', [square(3)]);
    const rois = drawnRois(d, ['GTV', 'CTV']);
    expect(rois.map((r) => r.name)).toEqual(['GTV', 'CTV']);
    expect(rois[0].planes.map((p) => p.z)).toEqual([3, 9]);
    expect(rois[1].planes).toEqual([]);
  });
  it('lists what was not drawn, then the lowest Dice, first', () => {
    expect(byDice([{ roiName: 'A', dice: 0.9 }, { roiName: 'B' }, { roiName: 'C', dice: 0.4 }]).map((s) => s.roiName))
      .toEqual(['B', 'C', 'A']);
  });
});
