/**
 * Structure-set geometry as the review room draws it: a revision's ROIs (GET …/revisions/{n}, patient
 * coordinates in mm as RTSTRUCT Contour Data), grouped into targets and organs at risk, their extents,
 * and the room's contour edits laid over them with the server's commit rule (docs/radiotherapy.md: every
 * plane of an ROI that an edit touched is taken whole from the room; untouched planes keep the base).
 */

export interface SopRef { sopClassUid?: string; sopInstanceUid?: string }
export interface Polygon { geometricType?: string; points: number[]; images?: SopRef[] }
export interface Plane { z: number; sopInstanceUid?: string; polygons: Polygon[] }
export interface Roi {
  number: number;
  name: string;
  color?: number[] | null;
  interpretedType?: string | null;
  generationAlgorithm?: string | null;
  planes: Plane[];
}
export interface RevisionContent {
  label?: string;
  name?: string;
  frameOfReferenceUid?: string;
  referencedSeries?: { studyInstanceUid?: string; seriesInstanceUid?: string };
  rois: Roi[];
}

export type RoiGroup = 'target' | 'oar' | 'other';

const TARGET_TYPES = new Set(['PTV', 'CTV', 'GTV', 'ITV']);
const TARGET_NAME = /^(PTV|CTV|GTV|ITV)/i;

/** Targets by RT ROI Interpreted Type (or, when it is missing, by name), OARs as ORGAN/AVOIDANCE, the rest other. */
export function groupOf(roi: Roi): RoiGroup {
  const type = (roi.interpretedType ?? '').toUpperCase();
  if (TARGET_TYPES.has(type) || (!type && TARGET_NAME.test(roi.name))) return 'target';
  if (type === 'ORGAN' || type === 'AVOIDANCE') return 'oar';
  return 'other';
}

/** Plane key: z to 0.01 mm, so the same slice position from two sources meets. */
export const planeKey = (z: number) => (Math.round(z * 100) / 100).toFixed(2);

export function colorOf(roi: Roi): string {
  const [r, g, b] = roi.color && roi.color.length >= 3 ? roi.color : [255, 255, 0];
  return `rgb(${r}, ${g}, ${b})`;
}

export interface Extent { min: [number, number, number]; max: [number, number, number]; centre: [number, number, number] }

/** The bounding box of an ROI's contour points, or null when it has none. */
export function extentOf(roi: Roi): Extent | null {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const plane of roi.planes) {
    for (const p of plane.polygons) {
      for (let i = 0; i + 2 < p.points.length; i += 3) {
        for (let k = 0; k < 3; k++) {
          min[k] = Math.min(min[k], p.points[i + k]);
          max[k] = Math.max(max[k], p.points[i + k]);
        }
      }
    }
  }
  if (min[0] === Infinity) return null;
  const centre = [0, 1, 2].map((k) => (min[k] + max[k]) / 2) as [number, number, number];
  return { min: min as [number, number, number], max: max as [number, number, number], centre };
}

/** The plane of an ROI at z (within half a millimetre), if it has one. */
export function planeAt(roi: Roi, z: number): Plane | undefined {
  let best: Plane | undefined;
  for (const plane of roi.planes) {
    if (Math.abs(plane.z - z) < 0.5 && (!best || Math.abs(plane.z - z) < Math.abs(best.z - z))) best = plane;
  }
  return best;
}

/** The nearest plane of an ROI strictly below z (the previous slice's outline to copy). */
export function planeBelow(roi: Roi, z: number): Plane | undefined {
  let best: Plane | undefined;
  for (const plane of roi.planes) {
    if (plane.z < z - 0.5 && plane.polygons.length > 0 && (!best || plane.z > best.z)) best = plane;
  }
  return best;
}

/** Area in mm² of a planar polygon given as x, y, z, … (shoelace on x and y). */
export function polygonArea(points: number[]): number {
  let twice = 0;
  const n = Math.floor(points.length / 3);
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    twice += points[i * 3] * points[j * 3 + 1] - points[j * 3] * points[i * 3 + 1];
  }
  return Math.abs(twice) / 2;
}

/** The same outline moved to another plane. */
export function movedToZ(points: number[], z: number): number[] {
  const out = points.slice();
  for (let i = 2; i < out.length; i += 3) out[i] = z;
  return out;
}

/**
 * A freehand stroke as a contour: points closer than {@code minStep} mm to the last kept one dropped, and
 * at least three points left (else null).
 */
export function strokeToContour(stroke: [number, number][], z: number, minStep = 0.5): number[] | null {
  const kept: [number, number][] = [];
  for (const p of stroke) {
    const last = kept[kept.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= minStep) kept.push(p);
  }
  const first = kept[0];
  while (kept.length > 3 && Math.hypot(kept[kept.length - 1][0] - first[0], kept[kept.length - 1][1] - first[1]) < minStep) kept.pop();
  if (kept.length < 3) return null;
  const out: number[] = [];
  for (const [x, y] of kept) out.push(round2(x), round2(y), z);
  return out;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** A polygon as the room holds it after the contour.edited events. */
export interface RoomPolygon { roi: number; z: number; sopInstanceUid?: string; points: number[]; by?: string }

/** The room's edits: current polygons by id, and which planes of which ROI any edit touched. */
export interface RoomContours {
  polygons: Record<string, RoomPolygon>;
  touched: Record<number, Record<string, true>>;
}

export const EMPTY_CONTOURS: RoomContours = { polygons: {}, touched: {} };

/**
 * Base revision with the room's edits over it: for each ROI, every touched plane holds exactly the room's
 * polygons on it (possibly none), every other plane the base's.
 */
export function withEdits(base: Roi[], room: RoomContours): Roi[] {
  return base.map((roi) => {
    const touched = room.touched[roi.number];
    if (!touched) return roi;
    const planes = new Map<string, Plane>();
    for (const p of roi.planes) if (!touched[planeKey(p.z)]) planes.set(planeKey(p.z), p);
    for (const poly of Object.values(room.polygons)) {
      if (poly.roi !== roi.number) continue;
      const key = planeKey(poly.z);
      const plane = planes.get(key) ?? { z: poly.z, sopInstanceUid: poly.sopInstanceUid, polygons: [] };
      plane.polygons = [...plane.polygons, { geometricType: 'CLOSED_PLANAR', points: poly.points }];
      planes.set(key, plane);
    }
    return { ...roi, planes: [...planes.values()].sort((a, b) => a.z - b.z) };
  });
}

/** The nearest plane of an ROI strictly above z with contours (the other end of an interpolation). */
export function planeAbove(roi: Roi, z: number): Plane | undefined {
  let best: Plane | undefined;
  for (const plane of roi.planes) {
    if (plane.z > z + 0.5 && plane.polygons.length > 0 && (!best || plane.z < best.z)) best = plane;
  }
  return best;
}

/** A closed outline (x, y, z, …) resampled to n points evenly spaced along its perimeter, as [x, y]. */
export function resample(points: number[], n: number): [number, number][] {
  const count = Math.floor(points.length / 3);
  const at = (i: number): [number, number] => [points[(i % count) * 3], points[(i % count) * 3 + 1]];
  let perimeter = 0;
  for (let i = 0; i < count; i++) perimeter += Math.hypot(at(i + 1)[0] - at(i)[0], at(i + 1)[1] - at(i)[1]);
  const out: [number, number][] = [];
  let edge = 0;
  let walked = 0;
  for (let k = 0; k < n; k++) {
    const target = (k * perimeter) / n;
    let length = Math.hypot(at(edge + 1)[0] - at(edge)[0], at(edge + 1)[1] - at(edge)[1]);
    while (walked + length < target && edge < count - 1) {
      walked += length;
      edge++;
      length = Math.hypot(at(edge + 1)[0] - at(edge)[0], at(edge + 1)[1] - at(edge)[1]);
    }
    const t = length > 0 ? (target - walked) / length : 0;
    out.push([at(edge)[0] + t * (at(edge + 1)[0] - at(edge)[0]), at(edge)[1] + t * (at(edge + 1)[1] - at(edge)[1])]);
  }
  return out;
}

/** The outline with the largest area of a plane (the one interpolation follows). */
export function largestOutline(plane: Plane): number[] {
  return plane.polygons.map((p) => p.points).reduce((a, b) => (polygonArea(b) > polygonArea(a) ? b : a));
}

/**
 * An outline at z between two outlines on the planes below (at za) and above (at zb): both resampled
 * along their perimeters, the second turned so that its points meet the first's nearest, then blended
 * linearly by where z lies between the planes (shape-based interpolation of the simplest kind).
 */
export function interpolateOutline(a: number[], za: number, b: number[], zb: number, z: number, n = 64): number[] {
  const pa = resample(a, n);
  let pb = resample(b, n);
  // same direction of travel, then the rotation with the smallest summed distance
  if (Math.sign(signedArea(pa)) !== Math.sign(signedArea(pb))) pb = pb.reverse();
  let best = 0;
  let bestCost = Infinity;
  for (let shift = 0; shift < n; shift++) {
    let cost = 0;
    for (let k = 0; k < n; k++) cost += Math.hypot(pa[k][0] - pb[(k + shift) % n][0], pa[k][1] - pb[(k + shift) % n][1]);
    if (cost < bestCost) {
      bestCost = cost;
      best = shift;
    }
  }
  const t = Math.min(1, Math.max(0, (z - za) / (zb - za)));
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const q = pb[(k + best) % n];
    out.push(round2(pa[k][0] + t * (q[0] - pa[k][0])), round2(pa[k][1] + t * (q[1] - pa[k][1])), z);
  }
  return out;
}

function signedArea(p: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i < p.length; i++) {
    const j = (i + 1) % p.length;
    twice += p[i][0] * p[j][1] - p[j][0] * p[i][1];
  }
  return twice / 2;
}
