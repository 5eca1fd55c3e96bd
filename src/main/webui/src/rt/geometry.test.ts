import { describe, expect, it } from 'vitest';
import {
  extentOf, groupOf, interpolateOutline, largestOutline, movedToZ, planeAbove, planeAt, planeBelow, polygonArea, resample, strokeToContour,
  withEdits, type Roi,
} from './geometry';

const square = (x: number, y: number, side: number, z: number) =>
  [x, y, z, x + side, y, z, x + side, y + side, z, x, y + side, z];

const ptv: Roi = {
  number: 8, name: 'PTV', interpretedType: 'PTV', color: [255, 0, 0],
  planes: [{ z: 0, polygons: [{ points: square(0, 0, 10, 0) }] }, { z: 2.5, polygons: [{ points: square(0, 0, 20, 2.5) }] }],
};

describe('structure-set geometry', () => {
  it('groups ROIs into targets and organs at risk by interpreted type, else by name', () => {
    expect(groupOf(ptv)).toBe('target');
    expect(groupOf({ ...ptv, interpretedType: 'ORGAN', name: 'SPINALCORD' })).toBe('oar');
    expect(groupOf({ ...ptv, interpretedType: null, name: 'GTVp' })).toBe('target');
    expect(groupOf({ ...ptv, interpretedType: 'EXTERNAL', name: 'BODY' })).toBe('other');
  });
  it('finds the extent of an ROI and its centre to jump to', () => {
    expect(extentOf(ptv)).toEqual({ min: [0, 0, 0], max: [20, 20, 2.5], centre: [10, 10, 1.25] });
    expect(extentOf({ ...ptv, planes: [] })).toBeNull();
  });
  it('measures a polygon area by the shoelace formula', () => {
    expect(polygonArea(square(3, 4, 10, 0))).toBeCloseTo(100);
  });
  it('finds the plane at a slice position and the one below it', () => {
    expect(planeAt(ptv, 2.5004)?.z).toBe(2.5);
    expect(planeAt(ptv, 1.25)).toBeUndefined();
    expect(planeBelow(ptv, 5)?.z).toBe(2.5);
    expect(planeBelow(ptv, 0)).toBeUndefined();
    expect(movedToZ(square(0, 0, 1, 2.5), 5).filter((_, i) => i % 3 === 2)).toEqual([5, 5, 5, 5]);
  });
  it('turns a freehand stroke into a contour, dropping points closer than the step', () => {
    expect(strokeToContour([[0, 0], [0.1, 0], [10, 0], [10, 10], [0, 10], [0.1, 0.1]], 2.5))
      .toEqual([0, 0, 2.5, 10, 0, 2.5, 10, 10, 2.5, 0, 10, 2.5]);
    expect(strokeToContour([[0, 0], [0.1, 0.1], [0.2, 0.2]], 0)).toBeNull();
  });
  it('lays the room edits over the base: a touched plane holds only the room polygons, others stay', () => {
    const edited = withEdits([ptv], {
      polygons: { a: { roi: 8, z: 2.5, points: square(5, 5, 4, 2.5) }, b: { roi: 8, z: 5, points: square(0, 0, 1, 5) } },
      touched: { 8: { '2.50': true, '5.00': true, '0.00': true } },
    })[0];
    expect(edited.planes.map((p) => [p.z, p.polygons.length])).toEqual([[2.5, 1], [5, 1]]);
    expect(polygonArea(edited.planes[0].polygons[0].points)).toBeCloseTo(16);
  });
});

describe('interpolating between slices', () => {
  it('resamples an outline evenly along its perimeter', () => {
    expect(resample(square(0, 0, 10, 0), 4)).toEqual([[0, 0], [10, 0], [10, 10], [0, 10]]);
    expect(resample(square(0, 0, 10, 0), 8)[1]).toEqual([5, 0]);
  });
  it('blends two concentric squares into the square between them, whatever their start and direction', () => {
    const below = square(0, 0, 10, 0);
    // the same 20 mm square, starting at another corner and running the other way
    const above = [15, 15, 5, 15, -5, 5, -5, -5, 5, -5, 15, 5];
    const mid = interpolateOutline(below, 0, above, 5, 2.5, 16);
    expect(polygonArea(mid)).toBeCloseTo(225, 0);
    expect(mid.filter((_, i) => i % 3 === 2).every((z) => z === 2.5)).toBe(true);
    expect(largestOutline({ z: 0, polygons: [{ points: square(0, 0, 1, 0) }, { points: below }] })).toBe(below);
    expect(planeAbove({ ...ptv }, 0)?.z).toBe(2.5);
  });
});
