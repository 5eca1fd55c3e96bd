import { describe, expect, it } from 'vitest';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';
import { formatDateTime, formatDuration, translate } from './i18n';

describe('dictionaries', () => {
  it('have the same keys in zh-CN and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('have no empty string in either language', () => {
    for (const d of [zh, en]) {
      expect(Object.entries(d).filter(([, v]) => !v.trim())).toEqual([]);
    }
  });
  it('use the same placeholders in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) {
      expect([k, holes(en[k])]).toEqual([k, holes(zh[k])]);
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
