import { describe as suite, expect, it } from 'vitest';
import { MAX_POLYGON_POINTS, describe, ellipseCorners, ellipseHandles, instanceOf, kindOfTool, protocolPoints } from './annotations';

suite('annotations between cornerstone and the room', () => {
  it('maps the tools to the protocol kinds', () => {
    expect(['Length', 'Angle', 'ArrowAnnotate', 'EllipticalROI', 'PlanarFreehandROI', 'Label', 'Probe'].map(kindOfTool))
      .toEqual(['line', 'angle', 'arrow', 'ellipse', 'polygon', 'text', null]);
  });
  it('sends a freehand ROI as its outline, thinned to the protocol\'s limit, and a label as its anchor', () => {
    expect(protocolPoints('polygon', [], [1, 2, 3])).toEqual([1, 2, 3]);
    const long = Array.from({ length: 25_000 }, (_, i) => i);
    const thinned = protocolPoints('polygon', [], long);
    expect(thinned).toHaveLength(MAX_POLYGON_POINTS);
    expect(thinned[0]).toBe(0);
    expect(thinned[thinned.length - 1]).toBeGreaterThan(24_990);
    expect(protocolPoints('text', [7, 7], undefined)).toEqual([7]);
    expect(protocolPoints('line', [1, 2], undefined)).toEqual([1, 2]);
  });
  it('turns an ellipse\'s four axis handles into its bounding box and back', () => {
    const handles: [number, number][] = [[50, 80], [50, 20], [10, 50], [90, 50]]; // bottom, top, left, right
    expect(ellipseCorners(handles)).toEqual([[10, 20], [90, 80]]);
    expect(ellipseHandles(ellipseCorners(handles))).toEqual(handles);
    expect(ellipseHandles([[90, 80], [10, 20]])).toEqual(handles);
  });
  it('reads the instance and frame of a WADO-RS image id', () => {
    expect(instanceOf('wadors:http://x/dicomweb/studies/1.2/series/1.3/instances/1.2.840.5/frames/7'))
      .toEqual({ sopInstanceUid: '1.2.840.5', frame: 7 });
  });
  it('says who drew what and what the server measured', () => {
    const a = { author: '李明', kind: 'line', measurement: { length: 23.456, unit: 'mm' } };
    expect(describe(a, (k) => (k === 'line' ? '长度' : k))).toBe('李明: 长度 23.5 mm');
    expect(describe({ author: 'A', kind: 'angle', measurement: { degrees: 90 } }, (k) => k)).toBe('A: angle 90.0°');
    expect(describe({ author: 'A', kind: 'text', text: '结节' }, (k) => k)).toBe('A: text "结节"');
  });
});
