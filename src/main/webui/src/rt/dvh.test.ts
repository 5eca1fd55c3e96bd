import { describe, expect, it } from 'vitest';
import { dvhCurves } from './dvh';
import { byDisagreement, shiftLength } from './metrics';
import { findingCounts, secondsSince } from './labels';

describe('DVH curves and the comparison order', () => {
  it('puts every ROI on one dose axis in % of its volume with dose, padded with 0', () => {
    const c = dvhCurves([
      { roiName: 'PTV', binWidth: 0.5, volumeWithDose: 10, cumulative: [10, 10, 5] },
      { roiName: 'CORD', binWidth: 0.5, volumeWithDose: 4, cumulative: [4, 1] },
    ]);
    expect(c.doses).toEqual([0, 0.5, 1]);
    expect(c.series.map((s) => s.percent)).toEqual([[100, 100, 50], [100, 25, 0]]);
  });
  it('sorts ROIs by disagreement: one-sided first, then by 1 − Dice, unchanged ones last', () => {
    const rows = byDisagreement([
      { roiName: 'HEART', presence: 'BOTH', dice: 1, hausdorff95: 0 },
      { roiName: 'PTV', presence: 'BOTH', dice: 0.82, hausdorff95: 5 },
      { roiName: 'NEW', presence: 'ONLY_B' },
      { roiName: 'CORD', presence: 'BOTH', dice: 0.9, hausdorff95: 2 },
    ]);
    expect(rows.map((r) => r.roiName)).toEqual(['NEW', 'PTV', 'CORD', 'HEART']);
    expect(shiftLength([3, 4, 0])).toBe(5);
  });
  it('counts errors and warnings of a consistency report and runs the waiting clock', () => {
    expect(findingCounts([{ severity: 'ERROR' }, { severity: 'WARNING' }, { severity: 'WARNING' }])).toEqual({ errors: 1, warnings: 2 });
    expect(secondsSince('2026-01-01T00:00:00Z', Date.parse('2026-01-01T01:00:00Z'))).toBe(3600);
    expect(secondsSince(undefined)).toBeNull();
  });
});
