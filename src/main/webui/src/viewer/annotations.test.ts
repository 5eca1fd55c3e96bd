import { describe as suite, expect, it } from 'vitest';
import { describe, instanceOf, kindOfTool } from './annotations';

suite('annotations between cornerstone and the room', () => {
  it('maps the tools to the protocol kinds', () => {
    expect(['Length', 'Angle', 'ArrowAnnotate', 'Probe'].map(kindOfTool)).toEqual(['line', 'angle', 'arrow', null]);
  });
  it('reads the instance and frame of a WADO-RS image id', () => {
    expect(instanceOf('wadors:http://x/dicomweb/studies/1.2/series/1.3/instances/1.2.840.5/frames/7'))
      .toEqual({ sopInstanceUid: '1.2.840.5', frame: 7 });
  });
  it('says who drew what and what the server measured', () => {
    const a = { author: '李明', kind: 'line', measurement: { length: 23.456, unit: 'mm' } };
    expect(describe(a, (k) => (k === 'line' ? '长度' : k))).toBe('李明: 长度 23.5 mm');
    expect(describe({ author: 'A', kind: 'angle', measurement: { degrees: 90 } }, (k) => k)).toBe('A: angle 90.0°');
  });
});
