import { describe, expect, it } from 'vitest';
import { constraintImpact } from './impact';

describe('constraintImpact', () => {
  it('matches constraints by name and ROI and gives the change of each value', () => {
    const expert = [
      { constraint: 'Dmax', roi: 'SPINALCORD', value: 44.1, limit: 45, unit: 'Gy', outcome: 'PASS' as const, margin: 0.9 },
      { constraint: 'V20Gy', roi: 'LUNG_TOTAL', value: 31, limit: 30, unit: '%', outcome: 'FAIL' as const, margin: -1 },
      { constraint: 'Dmean', roi: 'HEART', value: 12, limit: 26, unit: 'Gy', outcome: 'PASS' as const, margin: 14 },
    ];
    const county = [
      { constraint: 'V20Gy', roi: 'LUNG_TOTAL', value: 28, limit: 30, unit: '%', outcome: 'PASS' as const, margin: 2 },
      { constraint: 'Dmax', roi: 'SPINALCORD', value: 46.1, limit: 45, unit: 'Gy', outcome: 'FAIL' as const, margin: -1.1 },
    ];
    const rows = constraintImpact(expert, county);
    expect(rows[0].other?.value).toBe(46.1);
    expect(rows[0].change).toBeCloseTo(-2, 9);
    expect(rows[0].outcomeChanged).toBe(true);
    expect(rows[1].change).toBeCloseTo(3, 9);
    expect(rows[1].outcomeChanged).toBe(true);
    expect(rows[2].other).toBeUndefined();
    expect(rows[2].change).toBeUndefined();
    expect(rows[2].outcomeChanged).toBe(false);
  });

  it('gives no change without a second revision', () => {
    const rows = constraintImpact([{ constraint: 'Dmax', roi: 'PTV', value: 63, outcome: 'PASS' as const }], undefined);
    expect(rows).toEqual([{ result: { constraint: 'Dmax', roi: 'PTV', value: 63, outcome: 'PASS' }, other: undefined, change: undefined, outcomeChanged: false }]);
  });
});
