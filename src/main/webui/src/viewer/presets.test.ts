import { describe, expect, it } from 'vitest';
import { CT_PRESETS, voiRange, windowOf } from './presets';

describe('CT window presets', () => {
  it('turn width and level into the VOI range and back', () => {
    expect(voiRange(CT_PRESETS.lung.width, CT_PRESETS.lung.level)).toEqual({ lower: -1350, upper: 150 });
    expect(windowOf({ lower: -125, upper: 225 })).toEqual(CT_PRESETS.mediastinum);
  });
});
