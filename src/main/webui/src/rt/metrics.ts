import type { Schemas } from '../api/client';

type Metrics = Schemas['ContourMetrics'];

/**
 * How much two revisions disagree on an ROI, for sorting the comparison: an ROI in one revision only
 * first, then by 1 − Dice, then by HD95 (mm), then by the volume difference (%).
 */
export function disagreement(m: Metrics): number[] {
  if (m.presence && m.presence !== 'BOTH') return [2, 0, 0, 0];
  return [0, 1 - (m.dice ?? 0), m.hausdorff95 ?? 0, Math.abs(m.volumeDifferencePercent ?? 0)];
}

export function byDisagreement(rows: Metrics[]): Metrics[] {
  return [...rows].sort((a, b) => {
    const x = disagreement(a);
    const y = disagreement(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i] - x[i];
    return (a.roiName ?? '').localeCompare(b.roiName ?? '');
  });
}

/** The centroid shift vector's length in mm. */
export function shiftLength(v: number[] | undefined): number | undefined {
  return v && v.length === 3 ? Math.hypot(v[0], v[1], v[2]) : undefined;
}

export function fixed(v: number | undefined | null, digits = 2): string {
  return v == null || Number.isNaN(v) ? '–' : v.toFixed(digits);
}
