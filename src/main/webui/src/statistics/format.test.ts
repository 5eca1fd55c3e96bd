import { describe, expect, it } from 'vitest';
import { formatValue, hours, query, rowLabel } from './format';

describe('statistics format', () => {
  it('shows rates as percentages with two decimals and missing ones as a dash', () => {
    expect(formatValue('RATE', 0.5244, 'en')).toBe('52.44%');
    expect(formatValue('RATE', null, 'en')).toBe('—');
  });
  it('shows times in hours', () => {
    expect(hours(57600)).toBe(16);
    expect(formatValue('SECONDS', 5400, 'en')).toBe('1.5 h');
    expect(formatValue('SECONDS', 5400, 'zh-CN')).toBe('1.5 小时');
  });
  it('translates steps and ways found but keeps codes and months', () => {
    expect(rowLabel('consults.turnaround', 'requestToTriage', 'en')).toBe('Request → triage');
    expect(rowLabel('reports.byDetection', 'SCREENING', 'zh-CN')).toBe('筛查');
    expect(rowLabel('reports.bySite', 'C18', 'en')).toBe('C18');
  });
  it('leaves empty filters out of the query', () => {
    expect(query({ from: '2026-01-01', to: '2026-12-31', hospital: '', programme: 'p' }))
      .toEqual({ from: '2026-01-01', to: '2026-12-31', programme: 'p' });
  });
});
