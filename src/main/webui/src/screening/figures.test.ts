import { describe, expect, it } from 'vitest';
import { findingLabel, percent, stageLabel, FINDINGS, STAGES } from './figures';

describe('screening figures', () => {
  it('writes rates with two decimals as the county reports do, and a dash without a denominator', () => {
    expect(percent(0.5244)).toBe('52.44%');
    expect(percent(0.394128)).toBe('39.41%');
    expect(percent(null)).toBe('—');
    expect(percent(0)).toBe('0.00%');
  });
  it('names every stage and finding in both languages', () => {
    for (const s of STAGES) {
      expect(stageLabel(s, 'en')).not.toContain('screening.');
      expect(stageLabel(s, 'zh-CN')).not.toContain('screening.');
    }
    for (const f of FINDINGS) {
      expect(findingLabel(f, 'en')).not.toContain('screening.');
    }
    expect(findingLabel('CANCER', 'zh-CN')).toBe('癌');
  });
});
