import { describe, expect, it } from 'vitest';
import { cut, reslice, roiCut, windowed, type AxialSlice } from './reslice';

const square = (x: number, y: number, side: number, z: number) =>
  [x, y, z, x + side, y, z, x + side, y + side, z, x, y + side, z];

describe('sagittal and coronal reconstructions', () => {
  const slice = (z: number): AxialSlice => ({
    origin: [-10, -20, z], dx: 2, dy: 4, columns: 3, rows: 2,
    pixels: [z, z + 1, z + 2, z + 10, z + 11, z + 12],
  });
  it('takes a column of every slice for a sagittal plane and a row for a coronal one, head on top', () => {
    const sag = reslice([slice(0), slice(5)], 'sagittal', -8)!;
    expect([sag.width, sag.height, sag.across, sag.down, sag.start, sag.top]).toEqual([2, 2, 4, 5, -20, 5]);
    expect(Array.from(sag.values)).toEqual([6, 16, 1, 11]);
    const cor = reslice([slice(0), slice(5)], 'coronal', -16)!;
    expect(Array.from(cor.values)).toEqual([15, 16, 17, 10, 11, 12]);
    expect(reslice([], 'coronal', 0)).toBeNull();
  });
  it('windows values to grey levels', () => {
    const r = reslice([slice(0)], 'coronal', -20)!;
    expect(Array.from(windowed(r, 2, 1)).filter((_, i) => i % 4 === 0)).toEqual([0, 128, 255]);
  });
  it('cuts contours on a line by the even-odd rule, holes included', () => {
    expect(cut([square(0, 0, 10, 0)], 'sagittal', 5)).toEqual([[0, 10]]);
    expect(cut([square(0, 0, 10, 0), square(3, 3, 4, 0)], 'coronal', 5)).toEqual([[0, 3], [7, 10]]);
    expect(cut([square(0, 0, 10, 0)], 'sagittal', 11)).toEqual([]);
  });
  it('cuts an ROI plane by plane, leaving out planes it misses', () => {
    const roi = { number: 1, name: 'GTV', planes: [
      { z: 0, polygons: [{ points: square(0, 0, 10, 0) }] }, { z: 2.5, polygons: [{ points: square(20, 0, 5, 2.5) }] },
    ] };
    expect(roiCut(roi, 'sagittal', 5)).toEqual([{ z: 0, intervals: [[0, 10]] }]);
  });
});
