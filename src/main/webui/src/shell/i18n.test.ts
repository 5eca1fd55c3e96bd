import { describe, expect, it } from 'vitest';
import { areas, formatDateTime, formatDuration, translate } from './i18n';

const pairs = Object.entries(areas) as [string, { 'zh-CN': Record<string, string>; en: Record<string, string> }][];

describe('dictionaries', () => {
  it('have the same keys in zh-CN and English in every area', () => {
    for (const [area, { 'zh-CN': zh, en }] of pairs) {
      expect([area, Object.keys(en).sort()]).toEqual([area, Object.keys(zh).sort()]);
    }
  });
  it('never define a key in two areas', () => {
    const keys = pairs.flatMap(([, d]) => Object.keys(d['zh-CN']));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
  it('start each key outside the shell with its area name', () => {
    for (const [area, d] of pairs.filter(([a]) => a !== 'shell')) {
      expect(Object.keys(d['zh-CN']).filter((k) => !k.startsWith(`${area}.`))).toEqual([]);
    }
  });
  it('have no empty string in either language', () => {
    for (const [, d] of pairs) {
      for (const dict of [d['zh-CN'], d.en]) {
        expect(Object.entries(dict).filter(([, v]) => !v.trim())).toEqual([]);
      }
    }
  });
  it('use the same placeholders in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [, { 'zh-CN': zh, en }] of pairs) {
      for (const k of Object.keys(zh)) {
        expect([k, holes(en[k] ?? '')]).toEqual([k, holes(zh[k])]);
      }
    }
  });
});

describe('formatting', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'time.hours', { n: 3 })).toBe('3 h');
  });
  it('shows a time it cannot read as it was sent instead of failing the screen', () => {
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(formatDateTime('2026-12-06T10:41:22.123Z')).toContain('2026');
  });
  it('reads an SLA clock in days and hours, or minutes when short', () => {
    expect(formatDuration(2 * 86400 + 3 * 3600 + 120, 'en')).toBe('2 d 3 h');
    expect(formatDuration(4 * 60, 'en')).toBe('4 min');
    expect(formatDuration(3 * 3600 + 5 * 60, 'zh-CN')).toBe('3 小时 5 分钟');
  });
});
