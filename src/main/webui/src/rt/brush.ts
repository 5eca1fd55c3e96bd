/**
 * Brush tools on one plane of an ROI, in patient mm on the plane (x, y, z, … as RTSTRUCT Contour Data):
 * sculpt pushes the outline away from a circular brush dragged along a path (cornerstone's sculptor: from
 * inside the ROI it grows, from outside it shrinks); erase removes what the brush sweeps, splitting or
 * deleting outlines where it cuts through. Both give the plane's new outlines, which the room sends as
 * contour.edit under the ROI's lease, as a freehand stroke does.
 */

type Point = [number, number];

/** The brush path with points added so that no step is longer than {@code step} mm. */
export function densePath(path: Point[], step: number): Point[] {
  if (path.length === 0) return [];
  const out: Point[] = [path[0]];
  for (let i = 1; i < path.length; i++) {
    const [ax, ay] = path[i - 1];
    const [bx, by] = path[i];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = 1; k <= n; k++) out.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  return out;
}

/** An outline with points added so that no edge is longer than {@code step} mm (closed: the last edge too). */
export function densified(points: number[], step: number): Point[] {
  const n = Math.floor(points.length / 3);
  const out: Point[] = [];
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const [ax, ay, bx, by] = [points[i * 3], points[i * 3 + 1], points[j * 3], points[j * 3 + 1]];
    const parts = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = 0; k < parts; k++) out.push([ax + ((bx - ax) * k) / parts, ay + ((by - ay) * k) / parts]);
  }
  return out;
}

/**
 * Sculpt: each outline of the plane, densified to a third of the brush radius, has every point that a
 * brush position covers pushed out to the brush's rim, position by position along the path (steps of half
 * the radius, so the brush cannot jump across an edge). Outlines the brush never reaches come back as they
 * were.
 */
export function sculpt(outlines: number[][], path: Point[], radius: number, z: number): number[][] {
  const steps = densePath(path, radius / 2);
  return outlines.map((outline) => {
    if (!reaches(outline, steps, radius)) return outline;
    const pts = densified(outline, radius / 3);
    for (const [cx, cy] of steps) {
      for (const p of pts) {
        const dx = p[0] - cx;
        const dy = p[1] - cy;
        const d = Math.hypot(dx, dy);
        if (d >= radius) continue;
        // a point under the brush's centre goes the way the brush moves away from it: any direction will do
        const [ux, uy] = d > 1e-9 ? [dx / d, dy / d] : [1, 0];
        p[0] = cx + ux * radius;
        p[1] = cy + uy * radius;
      }
    }
    return flat(simplifyClosed(pts, radius / 20), z);
  }).filter((o) => o.length >= 9);
}

/**
 * Erase: the plane's outlines minus the area the brush swept. Outlines the brush never reaches come back
 * as they were; the others are filled (even-odd, nested outlines are holes, as drawn and as the server
 * reads them) on a grid of {@code cell} mm, the swept cells cleared, and the rest traced back into outlines
 * (marching squares on cell centres, then simplified to a quarter cell).
 */
export function erase(outlines: number[][], path: Point[], radius: number, z: number, cell = 0.5): number[][] {
  const steps = densePath(path, radius / 2);
  const hit = outlines.filter((o) => reaches(o, steps, radius) || steps.some(([x, y]) => inside(o, x, y)));
  if (hit.length === 0) return outlines;
  const kept = outlines.filter((o) => !hit.includes(o));
  const box = bounds(hit);
  const x0 = box.minX - cell;
  const y0 = box.minY - cell;
  const cols = Math.ceil((box.maxX - box.minX) / cell) + 3;
  const rows = Math.ceil((box.maxY - box.minY) / cell) + 3;
  const mask = fill(hit, x0, y0, cell, cols, rows);
  for (const [cx, cy] of steps) {
    const c0 = Math.max(0, Math.floor((cx - radius - x0) / cell));
    const c1 = Math.min(cols - 1, Math.ceil((cx + radius - x0) / cell));
    const r0 = Math.max(0, Math.floor((cy - radius - y0) / cell));
    const r1 = Math.min(rows - 1, Math.ceil((cy + radius - y0) / cell));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (Math.hypot(x0 + (c + 0.5) * cell - cx, y0 + (r + 0.5) * cell - cy) <= radius) mask[r * cols + c] = 0;
      }
    }
  }
  const traced = trace(mask, cols, rows).map((loop) => flat(simplifyClosed(
    loop.map(([c, r]) => [x0 + (c + 0.5) * cell, y0 + (r + 0.5) * cell] as Point), cell / 4), z))
    .filter((o) => o.length >= 9);
  return [...kept, ...traced];
}

function reaches(outline: number[], steps: Point[], radius: number): boolean {
  const n = Math.floor(outline.length / 3);
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    for (const [x, y] of steps) {
      if (segmentDistance(x, y, outline[i * 3], outline[i * 3 + 1], outline[j * 3], outline[j * 3 + 1]) < radius) return true;
    }
  }
  return false;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Even-odd point in polygon (ray to +x). */
export function inside(outline: number[], x: number, y: number): boolean {
  const n = Math.floor(outline.length / 3);
  let odd = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi, xj, yj] = [outline[i * 3], outline[i * 3 + 1], outline[j * 3], outline[j * 3 + 1]];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

function bounds(outlines: number[][]) {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const o of outlines) {
    for (let i = 0; i + 1 < o.length; i += 3) {
      minX = Math.min(minX, o[i]);
      maxX = Math.max(maxX, o[i]);
      minY = Math.min(minY, o[i + 1]);
      maxY = Math.max(maxY, o[i + 1]);
    }
  }
  return { minX, minY, maxX, maxY };
}

/** Cells whose centre lies inside the outlines (even-odd over all of them), by scanlines. */
function fill(outlines: number[][], x0: number, y0: number, cell: number, cols: number, rows: number): Uint8Array {
  const mask = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const y = y0 + (r + 0.5) * cell;
    const xs: number[] = [];
    for (const o of outlines) {
      const n = Math.floor(o.length / 3);
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const [xi, yi, xj, yj] = [o[i * 3], o[i * 3 + 1], o[j * 3], o[j * 3 + 1]];
        if ((yi > y) !== (yj > y)) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil((xs[k] - x0) / cell - 0.5));
      const c1 = Math.min(cols - 1, Math.floor((xs[k + 1] - x0) / cell - 0.5));
      for (let c = c0; c <= c1; c++) mask[r * cols + c] = 1;
    }
  }
  return mask;
}

/**
 * The boundaries of a binary grid as closed loops in cell coordinates (marching squares over the cell
 * centres, the grid's rim counting as empty). A saddle (two diagonal cells set) is read as two separate
 * corners, so diagonal neighbours are not joined.
 */
export function trace(mask: Uint8Array, cols: number, rows: number): Point[][] {
  const at = (c: number, r: number) => (c >= 0 && r >= 0 && c < cols && r < rows ? mask[r * cols + c] : 0);
  // an edge point is the midpoint between two cell centres; key it by doubled coordinates
  const next = new Map<string, Point>();
  const key = (p: Point) => `${p[0] * 2},${p[1] * 2}`;
  const link = (a: Point, b: Point) => next.set(key(a), b);
  for (let r = -1; r < rows; r++) {
    for (let c = -1; c < cols; c++) {
      // square with corners tl (c, r), tr (c+1, r), br (c+1, r+1), bl (c, r+1); segments keep the set side on the left
      const tl = at(c, r);
      const tr = at(c + 1, r);
      const br = at(c + 1, r + 1);
      const bl = at(c, r + 1);
      const code = tl * 8 + tr * 4 + br * 2 + bl;
      if (code === 0 || code === 15) continue;
      const top: Point = [c + 0.5, r];
      const right: Point = [c + 1, r + 0.5];
      const bottom: Point = [c + 0.5, r + 1];
      const left: Point = [c, r + 0.5];
      switch (code) {
        case 1: link(left, bottom); break;
        case 2: link(bottom, right); break;
        case 3: link(left, right); break;
        case 4: link(right, top); break;
        case 5: link(left, bottom); link(right, top); break;
        case 6: link(bottom, top); break;
        case 7: link(left, top); break;
        case 8: link(top, left); break;
        case 9: link(top, bottom); break;
        case 10: link(top, left); link(bottom, right); break;
        case 11: link(top, right); break;
        case 12: link(right, left); break;
        case 13: link(right, bottom); break;
        case 14: link(bottom, left); break;
        default: break;
      }
    }
  }
  const loops: Point[][] = [];
  const seen = new Set<string>();
  for (const [start] of next) {
    if (seen.has(start)) continue;
    const loop: Point[] = [];
    let k: string | undefined = start;
    while (k && !seen.has(k)) {
      seen.add(k);
      const p: Point = next.get(k)!;
      loop.push(p);
      k = key(p);
    }
    if (loop.length >= 3) loops.push(loop);
  }
  return loops;
}

/** Douglas–Peucker on a closed outline: split at the point farthest from the first, simplify both halves. */
export function simplifyClosed(points: Point[], tolerance: number): Point[] {
  if (points.length < 4) return points;
  let far = 0;
  let farD = -1;
  for (let i = 1; i < points.length; i++) {
    const d = Math.hypot(points[i][0] - points[0][0], points[i][1] - points[0][1]);
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const a = douglasPeucker(points.slice(0, far + 1), tolerance);
  const b = douglasPeucker([...points.slice(far), points[0]], tolerance);
  return [...a.slice(0, -1), ...b.slice(0, -1)];
}

function douglasPeucker(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const [a, b] = [points[0], points[points.length - 1]];
  let worst = 0;
  let at = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = segmentDistance(points[i][0], points[i][1], a[0], a[1], b[0], b[1]);
    if (d > worst) {
      worst = d;
      at = i;
    }
  }
  if (worst <= tolerance) return [a, b];
  const left = douglasPeucker(points.slice(0, at + 1), tolerance);
  const right = douglasPeucker(points.slice(at), tolerance);
  return [...left.slice(0, -1), ...right];
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function flat(points: Point[], z: number): number[] {
  const out: number[] = [];
  for (const [x, y] of points) out.push(round2(x), round2(y), z);
  return out;
}
