/**
 * The RTDOSE grid as the review room paints it: one axial plane at any z (linear between dose planes, as
 * the server's DVH reads it: docs/radiotherapy.md), a colour wash with its scale, and isodose lines
 * (marching squares) at levels in % of the prescription or in Gy.
 */

export interface DoseGrid {
  /** patient position (mm) of the first pixel's centre on the first plane */
  origin: [number, number, number];
  /** column spacing (x) and row spacing (y), mm */
  dx: number;
  dy: number;
  columns: number;
  rows: number;
  /** z of each plane, ascending */
  zs: number[];
  /** Gy, one Float32Array of rows × columns per plane, in the order of zs */
  planes: Float32Array[];
  max: number;
}

/** The dose plane at z, linear between the two nearest planes; null outside the grid. */
export function planeAtZ(grid: DoseGrid, z: number): Float32Array | null {
  const { zs, planes } = grid;
  if (zs.length === 0 || z < zs[0] - 1e-3 || z > zs[zs.length - 1] + 1e-3) return null;
  let i = 0;
  while (i < zs.length - 2 && zs[i + 1] < z) i++;
  if (zs.length === 1) return planes[0];
  const t = Math.min(1, Math.max(0, (z - zs[i]) / (zs[i + 1] - zs[i])));
  if (t < 1e-6) return planes[i];
  if (t > 1 - 1e-6) return planes[i + 1];
  const a = planes[i];
  const b = planes[i + 1];
  const out = new Float32Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k] + t * (b[k] - a[k]);
  return out;
}

/** Isodose levels in Gy: percentages of the prescription, or Gy as given. */
export function isodoseLevels(values: number[], unit: '%' | 'Gy', prescriptionGy: number): number[] {
  const gy = unit === '%' ? values.map((v) => (v / 100) * prescriptionGy) : values;
  return gy.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => b - a);
}

/** Parses "95, 50 30" into numbers, ignoring what is not one. */
export function parseLevels(text: string): number[] {
  return text.split(/[^0-9.]+/).map(Number).filter((v) => Number.isFinite(v) && v > 0);
}

/** A colour for a dose fraction 0…1: blue, cyan, green, yellow, red (the usual wash). */
export function washColor(fraction: number): [number, number, number] {
  const f = Math.min(1, Math.max(0, fraction));
  const stops: [number, number, number][] = [[0, 0, 255], [0, 255, 255], [0, 255, 0], [255, 255, 0], [255, 0, 0]];
  const x = f * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const t = x - i;
  return [0, 1, 2].map((k) => Math.round(stops[i][k] + t * (stops[i + 1][k] - stops[i][k]))) as [number, number, number];
}

/** RGBA pixels of a plane washed from {@code floor} Gy (transparent below) to {@code top} Gy. */
export function washPixels(plane: Float32Array, floor: number, top: number, alpha: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(plane.length * 4));
  const a = Math.round(alpha * 255);
  for (let k = 0; k < plane.length; k++) {
    const d = plane[k];
    if (d < floor) continue;
    const [r, g, b] = washColor((d - floor) / Math.max(1e-9, top - floor));
    out[k * 4] = r;
    out[k * 4 + 1] = g;
    out[k * 4 + 2] = b;
    out[k * 4 + 3] = a;
  }
  return out;
}

/**
 * Isodose line segments at {@code level} by marching squares, in pixel coordinates (column, row) of the
 * plane, each segment [x1, y1, x2, y2]; crossing points are linear between pixel centres.
 */
export function isodoseSegments(plane: Float32Array, columns: number, rows: number, level: number): number[][] {
  const segments: number[][] = [];
  const v = (c: number, r: number) => plane[r * columns + c];
  const cross = (c1: number, r1: number, c2: number, r2: number): [number, number] => {
    const a = v(c1, r1);
    const b = v(c2, r2);
    const t = a === b ? 0.5 : (level - a) / (b - a);
    return [c1 + t * (c2 - c1), r1 + t * (r2 - r1)];
  };
  for (let r = 0; r + 1 < rows; r++) {
    for (let c = 0; c + 1 < columns; c++) {
      const tl = v(c, r) >= level ? 8 : 0;
      const tr = v(c + 1, r) >= level ? 4 : 0;
      const br = v(c + 1, r + 1) >= level ? 2 : 0;
      const bl = v(c, r + 1) >= level ? 1 : 0;
      const cell = tl | tr | br | bl;
      if (cell === 0 || cell === 15) continue;
      const top = () => cross(c, r, c + 1, r);
      const right = () => cross(c + 1, r, c + 1, r + 1);
      const bottom = () => cross(c, r + 1, c + 1, r + 1);
      const left = () => cross(c, r, c, r + 1);
      const seg = (p: [number, number], q: [number, number]) => segments.push([p[0], p[1], q[0], q[1]]);
      switch (cell) {
        case 1: case 14: seg(left(), bottom()); break;
        case 2: case 13: seg(bottom(), right()); break;
        case 3: case 12: seg(left(), right()); break;
        case 4: case 11: seg(top(), right()); break;
        case 6: case 9: seg(top(), bottom()); break;
        case 7: case 8: seg(left(), top()); break;
        case 5: seg(left(), top()); seg(bottom(), right()); break;
        case 10: seg(top(), right()); seg(left(), bottom()); break;
        default: break;
      }
    }
  }
  return segments;
}

/** One colour per isodose level, hottest red. */
export function isodoseColor(levelGy: number, prescriptionGy: number): string {
  const [r, g, b] = washColor(prescriptionGy > 0 ? Math.min(1, levelGy / (prescriptionGy * 1.07)) : 1);
  return `rgb(${r}, ${g}, ${b})`;
}

/** The parts of a multipart/related body (WADO-RS frames), each as bytes. */
export function multipartParts(body: Uint8Array, boundary: string): Uint8Array[] {
  const enc = new TextEncoder();
  const delimiter = enc.encode(`--${boundary}`);
  const starts: number[] = [];
  outer: for (let i = 0; i + delimiter.length <= body.length; i++) {
    for (let k = 0; k < delimiter.length; k++) if (body[i + k] !== delimiter[k]) continue outer;
    starts.push(i);
    i += delimiter.length - 1;
  }
  const parts: Uint8Array[] = [];
  for (let p = 0; p + 1 < starts.length; p++) {
    const from = starts[p] + delimiter.length;
    let head = -1;
    for (let i = from; i + 3 < starts[p + 1]; i++) {
      if (body[i] === 13 && body[i + 1] === 10 && body[i + 2] === 13 && body[i + 3] === 10) { head = i + 4; break; }
    }
    if (head < 0) continue;
    let end = starts[p + 1];
    if (body[end - 2] === 13 && body[end - 1] === 10) end -= 2;
    parts.push(body.subarray(head, end));
  }
  return parts;
}

/** Frame pixels as Gy: unsigned or signed 16/32-bit little endian integers times Dose Grid Scaling. */
export function framePixelsToGy(bytes: Uint8Array, bitsAllocated: number, signed: boolean, scaling: number): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const step = bitsAllocated / 8;
  const n = Math.floor(bytes.byteLength / step);
  const out = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const raw = step === 4 ? (signed ? view.getInt32(k * 4, true) : view.getUint32(k * 4, true))
      : (signed ? view.getInt16(k * 2, true) : view.getUint16(k * 2, true));
    out[k] = raw * scaling;
  }
  return out;
}
