import { planeKey, type Roi } from '../rt/geometry';
import type { Schemas } from '../api/client';

type Score = Schemas['RoiScore'];

/** What a trainee has drawn: per target ROI name, per plane (keyed by z to 0.01 mm), the polygons (x, y, z triples). */
export type Drawing = Record<string, Record<string, { z: number; sop: string; polygons: number[][] }>>;

/** Distinct colours for the targets a trainee draws, in the order the case lists them. */
export const PALETTE: [number, number, number][] = [[255, 64, 64], [64, 200, 255], [255, 200, 0], [160, 255, 96], [255, 96, 255]];

/** The plane of {@code roi} at z replaced by {@code polygons} (none: the plane is cleared). */
export function withPlane(d: Drawing, roi: string, z: number, sop: string, polygons: number[][]): Drawing {
  const planes = { ...(d[roi] ?? {}) };
  if (polygons.length === 0) delete planes[planeKey(z)];
  else planes[planeKey(z)] = { z, sop, polygons };
  return { ...d, [roi]: planes };
}

/** The drawing as ROIs the viewer draws, coloured as {@link PALETTE} by the targets' order. */
export function drawnRois(d: Drawing, targets: string[]): Roi[] {
  return targets.map((name, i) => ({
    number: i + 1,
    name,
    color: PALETTE[i % PALETTE.length],
    interpretedType: null,
    planes: Object.values(d[name] ?? {}).sort((a, b) => a.z - b.z)
      .map((p) => ({ z: p.z, sopInstanceUid: p.sop, polygons: p.polygons.map((points) => ({ points })) })),
  }));
}

/** The body of POST …/attempts: every target with at least one plane drawn. */
export function attemptBody(d: Drawing, targets: string[]) {
  return {
    rois: targets.filter((n) => Object.keys(d[n] ?? {}).length > 0).map((name) => ({
      name,
      planes: Object.values(d[name]).map((p) => ({ z: p.z, sopInstanceUid: p.sop, polygons: p.polygons })),
    })),
  };
}

/** Planes drawn per target, for the trainee's checklist. */
export function planesDrawn(d: Drawing, name: string): number {
  return Object.keys(d[name] ?? {}).length;
}

/** The ROI's own colour from the expert set where it has one, so trainee and expert of one ROI share a hue. */
export function recoloured(rois: Roi[], targets: string[]): Roi[] {
  return rois.map((r) => ({ ...r, color: PALETTE[Math.max(0, targets.indexOf(r.name)) % PALETTE.length] }));
}

/** Scores most in need of practice first: not drawn, then lowest Dice. */
export function byDice(scores: Score[]): Score[] {
  return [...scores].sort((a, b) => (a.dice ?? -1) - (b.dice ?? -1));
}
