import { describe, expect, it } from 'vitest';
import { framePixelsToGy, isodoseLevels, isodoseSegments, multipartParts, parseLevels, planeAtZ, washColor, type DoseGrid } from './dose';

describe('dose display', () => {
  it('turns isodose levels in % of the prescription or in Gy into Gy, hottest first', () => {
    expect(isodoseLevels([50, 95, 107], '%', 60)).toEqual([64.2, 57, 30]);
    expect(isodoseLevels([20, 45], 'Gy', 60)).toEqual([45, 20]);
    expect(parseLevels('95, 80；50 x 30')).toEqual([95, 80, 50, 30]);
  });
  it('interpolates a dose plane linearly between planes and gives nothing outside the grid', () => {
    const grid: DoseGrid = {
      origin: [0, 0, 0], dx: 1, dy: 1, columns: 1, rows: 1, zs: [0, 10], planes: [new Float32Array([2]), new Float32Array([4])], max: 4,
    };
    expect(planeAtZ(grid, 2.5)?.[0]).toBeCloseTo(2.5);
    expect(planeAtZ(grid, 10)?.[0]).toBe(4);
    expect(planeAtZ(grid, 11)).toBeNull();
  });
  it('draws an isodose line around a hot square by marching squares, crossing edges halfway', () => {
    // 4×4 grid, the middle 2×2 at 10 Gy, the rest 0: the 5 Gy line is a closed loop of 8 segments
    const plane = new Float32Array(16);
    for (const k of [5, 6, 9, 10]) plane[k] = 10;
    const segments = isodoseSegments(plane, 4, 4, 5);
    expect(segments).toHaveLength(8);
    for (const [x1, y1, x2, y2] of segments) {
      for (const v of [x1, y1, x2, y2]) expect([0.5, 1, 2, 2.5]).toContain(v);
    }
    expect(isodoseSegments(plane, 4, 4, 11)).toEqual([]);
  });
  it('washes low doses blue and the highest red', () => {
    expect(washColor(0)).toEqual([0, 0, 255]);
    expect(washColor(1)).toEqual([255, 0, 0]);
    expect(washColor(0.5)).toEqual([0, 255, 0]);
  });
  it('reads WADO-RS frames out of a multipart body and scales 32-bit pixels to Gy', () => {
    const enc = new TextEncoder();
    const pixels = new Uint8Array(new Uint32Array([100, 2000]).buffer);
    const body = new Uint8Array([
      ...enc.encode('--b1\r\nContent-Type: application/octet-stream\r\n\r\n'), ...pixels,
      ...enc.encode('\r\n--b1\r\nContent-Type: application/octet-stream\r\n\r\n'), ...pixels,
      ...enc.encode('\r\n--b1--\r\n'),
    ]);
    const parts = multipartParts(body, 'b1');
    expect(parts).toHaveLength(2);
    expect(Array.from(framePixelsToGy(parts[1], 32, false, 0.001))).toEqual([0.1, 2].map((v) => Math.fround(v)));
  });
});
