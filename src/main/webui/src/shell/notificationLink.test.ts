import { describe, expect, it } from 'vitest';
import { notificationLink } from './notificationLink';

describe('notification links', () => {
  it('opens the consult of a consult notice', () => {
    expect(notificationLink({ kind: 'consult.triaged', consultId: 'c1', subjectId: 'c1' })).toBe('/consults/c1');
  });
  it('opens the report, referral or follow-up schedule a registry notice names', () => {
    expect(notificationLink({ kind: 'registry.reported', subjectId: 'r1' })).toBe('/registry/reports/r1');
    expect(notificationLink({ kind: 'registry.referral', subjectId: 'f1' })).toBe('/registry/referrals/f1');
    expect(notificationLink({ kind: 'registry.followup', subjectId: 's1' })).toBe('/registry/follow-ups/s1');
    expect(notificationLink({ kind: 'registry.followup.due', subjectId: 's2' })).toBe('/registry/follow-ups/s2');
  });
  it('opens a plan review of a radiotherapy notice', () => {
    expect(notificationLink({ kind: 'rt.returned', subjectId: 'p1' })).toBe('/rt/p1');
  });
  it('has no link for a notice without a subject', () => {
    expect(notificationLink({ kind: 'registry.reported' })).toBeNull();
    expect(notificationLink({ kind: 'something.else', subjectId: 'x' })).toBeNull();
  });
});
