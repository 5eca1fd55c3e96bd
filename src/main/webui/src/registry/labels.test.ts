import { describe, expect, it } from 'vitest';
import { lang } from '../shell/i18n';
import { clockText } from './labels';

const base = { reportedAt: '2026-12-06T08:00:00Z', dueAt: '2026-12-07T08:00:00Z' };

describe('the record clock as the case manager reads it', () => {
  it('counts down while it runs', () => {
    lang.value = 'zh-CN';
    expect(clockText({ ...base, running: true, overdue: false, remainingSeconds: 5 * 3600 + 120 })).toBe('剩余 5 小时 2 分钟');
  });
  it('says by how much an open report is overdue', () => {
    lang.value = 'en';
    expect(clockText({ ...base, running: true, overdue: true, remainingSeconds: -3 * 3600 })).toBe('Overdue by 3 h');
  });
  it('says how long recording took and whether it was on time', () => {
    lang.value = 'zh-CN';
    expect(clockText({ ...base, running: false, overdue: false, tookSeconds: 600, onTime: true })).toBe('已录档，用时 10 分钟（按时）');
    expect(clockText({ ...base, running: false, overdue: true, tookSeconds: 26 * 3600, onTime: false })).toBe('已录档，用时 1 天 2 小时（超时）');
  });
});
