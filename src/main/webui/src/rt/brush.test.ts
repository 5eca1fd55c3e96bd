import { describe, expect, it } from 'vitest';
import { erase, inside, sculpt, simplifyClosed, trace } from './brush';
import { polygonArea } from './geometry';

const Z = 12.5;

/** A circle of radius r around (cx, cy) as contour points, n of them. */
function circle(cx: number, cy: number, r: number, n = 72): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n), Z);
  return out;
}

const square = (x0: number, y0: number, side: number) => [x0, y0, Z, x0 + side, y0, Z, x0 + side, y0 + side, Z, x0, y0 + side, Z];

describe('trace', () => {
  it('gives one loop round a block and two for a block with a hole', () => {
    const cols = 6;
    const block = new Uint8Array(cols * cols);
    for (let r = 1; r < 5; r++) for (let c = 1; c < 5; c++) block[r * cols + c] = 1;
    expect(trace(block, cols, cols)).toHaveLength(1);
    block[2 * cols + 2] = 0;
    block[2 * cols + 3] = 0;
    expect(trace(block, cols, cols)).toHaveLength(2);
  });

  it('keeps diagonal neighbours apart', () => {
    const mask = new Uint8Array([1, 0, 0, 1]);
    expect(trace(mask, 2, 2)).toHaveLength(2);
  });
});

describe('erase', () => {
  it('cuts a disc in two along the brush path, removing the swept band', () => {
    const disc = circle(0, 0, 20);
    const out = erase([disc], [[-30, 0], [30, 0]], 3, Z);
    expect(out).toHaveLength(2);
    const areas = out.map(polygonArea);
    const halves = (Math.PI * 400) / 2;
    for (const a of areas) {
      // each half loses the band of 3 mm next to the cut: about 20 * 3 * 2 ... within a cell's tolerance
      expect(a).toBeLessThan(halves - 40);
      expect(a).toBeGreaterThan(halves - 150);
    }
    // nothing left on the cut line, everything away from it kept
    for (const o of out) {
      expect(inside(o, 0, 0)).toBe(false);
      expect(inside(o, 0, 2)).toBe(false);
    }
    expect(out.some((o) => inside(o, 0, 10))).toBe(true);
    expect(out.some((o) => inside(o, 0, -10))).toBe(true);
    for (const o of out) for (let i = 2; i < o.length; i += 3) expect(o[i]).toBe(Z);
  });

  it('removes an outline the brush covers whole and leaves the ones it never reaches as they were', () => {
    const small = square(50, 50, 2);
    const far = square(-50, -50, 10);
    const out = erase([small, far], [[51, 51]], 4, Z);
    expect(out).toEqual([far]);
  });

  it('makes a hole where the brush dabs inside an outline', () => {
    const out = erase([square(-20, -20, 40)], [[0, 0]], 5, Z);
    expect(out).toHaveLength(2);
    const [outer, hole] = [...out].sort((a, b) => polygonArea(b) - polygonArea(a));
    expect(polygonArea(outer)).toBeCloseTo(1600, -1);
    expect(polygonArea(hole)).toBeGreaterThan(Math.PI * 25 - 15);
    expect(polygonArea(hole)).toBeLessThan(Math.PI * 25 + 15);
  });
});

describe('sculpt', () => {
  it('pushes the outline out of a brush moved from inside over the edge', () => {
    const disc = circle(0, 0, 20);
    const [out] = sculpt([disc], [[15, 0], [24, 0]], 5, Z);
    expect(Math.max(...out.filter((_, i) => i % 3 === 0))).toBeGreaterThanOrEqual(28.9);
    expect(polygonArea(out)).toBeGreaterThan(polygonArea(disc));
    for (let i = 0; i < out.length; i += 3) {
      expect(Math.hypot(out[i] - 24, out[i + 1])).toBeGreaterThanOrEqual(4.99);
    }
  });

  it('dents the outline in when the brush comes from outside', () => {
    const disc = circle(0, 0, 20);
    const [out] = sculpt([disc], [[26, 0], [18, 0]], 4, Z);
    expect(polygonArea(out)).toBeLessThan(polygonArea(disc));
    expect(inside(out, 17, 0)).toBe(false);
    expect(inside(out, 0, 0)).toBe(true);
  });

  it('leaves outlines out of reach untouched', () => {
    const disc = circle(0, 0, 20);
    expect(sculpt([disc], [[100, 100]], 5, Z)).toEqual([disc]);
  });
});

describe('simplifyClosed', () => {
  it('drops points on straight edges and keeps the corners', () => {
    const pts: [number, number][] = [];
    for (let i = 0; i < 10; i++) pts.push([i, 0]);
    for (let i = 0; i < 10; i++) pts.push([10, i]);
    for (let i = 10; i > 0; i--) pts.push([i, 10]);
    for (let i = 10; i > 0; i--) pts.push([0, i]);
    const out = simplifyClosed(pts, 0.1);
    expect(out).toHaveLength(4);
  });
});
