import { describe, expect, it } from 'vitest';
import { lang } from '../shell/i18n';
import { ProblemError } from '../api/client';
import { dueText, errorsByField, timelineLink } from './followUp';

describe('the follow-up worklist and timeline', () => {
  it('says how a visit stands against its day', () => {
    lang.value = 'zh-CN';
    expect(dueText(9)).toBe('已超期 9 天');
    expect(dueText(0)).toBe('今天到期');
    expect(dueText(-3)).toBe('3 天后到期');
    lang.value = 'en';
    expect(dueText(1)).toBe('Overdue by 1 d');
  });
  it('links each timeline entry to its own page', () => {
    expect(timelineLink({ kind: 'report', subjectId: 'r' })).toBe('/registry/reports/r');
    expect(timelineLink({ kind: 'referral', subjectId: 'f' })).toBe('/registry/referrals/f');
    expect(timelineLink({ kind: 'consult', subjectId: 'c' })).toBe('/consults/c');
    expect(timelineLink({ kind: 'recommendation', subjectId: 'x', parentId: 'c' })).toBe('/consults/c');
    expect(timelineLink({ kind: 'rt-review', subjectId: 'p' })).toBe('/rt/p');
    expect(timelineLink({ kind: 'follow-up', subjectId: 's' })).toBe('/registry/follow-ups/s');
    expect(timelineLink({ kind: 'follow-up-visit', subjectId: 's' })).toBe('/registry/follow-ups/s');
    expect(timelineLink({ kind: 'registry-record', subjectId: 'd' })).toBe('/registry/records/d');
    expect(timelineLink({ kind: 'something-new', subjectId: 'z' })).toBeNull();
  });
  it('puts each of the server problem\'s field errors under its field', () => {
    const e = new ProblemError(400, 'urn:consilium:problem:validation', 'deathDate: required',
      [{ field: 'deathDate', message: 'required' }, { field: 'contactedOn', message: 'in the future' }]);
    expect(errorsByField(e)).toEqual({ deathDate: 'required', contactedOn: 'in the future' });
    expect(errorsByField(null)).toEqual({});
  });
});

describe('timeline entries as the user reads them', () => {
  it('names states in the user\'s words, and an unknown one as the API spells it', async () => {
    const { stateText } = await import('./followUp');
    lang.value = 'zh-CN';
    expect(stateText('SIGNED')).toBe('已签署');
    expect(stateText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
  it('shows a day as the alliance\'s calendar day whatever the browser\'s zone', async () => {
    const { formatDay } = await import('./followUp');
    lang.value = 'en';
    expect(formatDay('2027-03-09T16:00:00Z')).toBe('Mar 10, 2027');
  });
});
