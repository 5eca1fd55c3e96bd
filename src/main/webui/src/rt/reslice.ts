/**
 * Sagittal and coronal reconstructions of an axial CT stack, and the structure set cut on them, in plain
 * arrays (no WebGL needed): a sagittal plane is x = const, a coronal one y = const (patient LPS, axial
 * slices assumed, as in planning CTs).
 */
import type { Roi } from './geometry';

export type Orientation = 'sagittal' | 'coronal';

export interface AxialSlice {
  /** patient position of the first pixel's centre */
  origin: [number, number, number];
  /** column spacing (x) and row spacing (y), mm */
  dx: number;
  dy: number;
  columns: number;
  rows: number;
  /** values already in the modality's units (HU for CT) */
  pixels: ArrayLike<number>;
}

export interface Reslice {
  /** pixels across (along y for sagittal, x for coronal) and down (one per slice, highest z on top) */
  width: number;
  height: number;
  values: Float32Array;
  /** mm per pixel across and down */
  across: number;
  down: number;
  /** patient coordinate of the first column's centre (y or x) and of the top row (z) */
  start: number;
  top: number;
}

/** The plane at {@code at} mm (x for sagittal, y for coronal) through slices sorted by ascending z. */
export function reslice(slices: AxialSlice[], orientation: Orientation, at: number): Reslice | null {
  if (slices.length === 0) return null;
  const first = slices[0];
  const sagittal = orientation === 'sagittal';
  const width = sagittal ? first.rows : first.columns;
  const height = slices.length;
  const values = new Float32Array(width * height);
  for (let s = 0; s < height; s++) {
    const slice = slices[height - 1 - s];
    const index = Math.round(sagittal ? (at - slice.origin[0]) / slice.dx : (at - slice.origin[1]) / slice.dy);
    if (index < 0 || index >= (sagittal ? slice.columns : slice.rows)) continue;
    for (let i = 0; i < width; i++) {
      values[s * width + i] = sagittal ? slice.pixels[i * slice.columns + index] : slice.pixels[index * slice.columns + i];
    }
  }
  const zs = slices.map((x) => x.origin[2]);
  const down = height > 1 ? (zs[height - 1] - zs[0]) / (height - 1) : 1;
  return {
    width, height, values, across: sagittal ? first.dy : first.dx, down,
    start: sagittal ? first.origin[1] : first.origin[0], top: zs[height - 1],
  };
}

/** Grey levels of a reslice under a window (width, centre), as RGBA. */
export function windowed(r: Reslice, width: number, centre: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(r.values.length * 4));
  const low = centre - width / 2;
  for (let k = 0; k < r.values.length; k++) {
    const g = Math.round(((r.values[k] - low) / width) * 255);
    out[k * 4] = g;
    out[k * 4 + 1] = g;
    out[k * 4 + 2] = g;
    out[k * 4 + 3] = 255;
  }
  return out;
}

/**
 * Where a plane's contours cross the line x = at (sagittal) or y = at (coronal): the inside intervals along
 * the other axis, by the even-odd rule over all of the plane's polygons together (nested ones are holes).
 */
export function cut(polygons: number[][], orientation: Orientation, at: number): [number, number][] {
  const along = orientation === 'sagittal' ? 0 : 1;
  const other = 1 - along;
  const crossings: number[] = [];
  for (const points of polygons) {
    const n = Math.floor(points.length / 3);
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const a = points[i * 3 + along];
      const b = points[j * 3 + along];
      // half-open, so that a vertex on the line counts once
      if ((a <= at && b > at) || (b <= at && a > at)) {
        const t = (at - a) / (b - a);
        crossings.push(points[i * 3 + other] + t * (points[j * 3 + other] - points[i * 3 + other]));
      }
    }
  }
  crossings.sort((p, q) => p - q);
  const intervals: [number, number][] = [];
  for (let k = 0; k + 1 < crossings.length; k += 2) intervals.push([crossings[k], crossings[k + 1]]);
  return intervals;
}

/** An ROI cut on a reconstruction: per contour plane its z and inside intervals. */
export function roiCut(roi: Roi, orientation: Orientation, at: number): { z: number; intervals: [number, number][] }[] {
  return roi.planes.map((p) => ({ z: p.z, intervals: cut(p.polygons.map((x) => x.points), orientation, at) }))
    .filter((x) => x.intervals.length > 0);
}
