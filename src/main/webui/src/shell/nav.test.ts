import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

describe('navigation by role', () => {
  it('gives the case manager the triage queue first', () => {
    expect(navFor(['case-manager']).map((n) => n.path)).toEqual(['/queue', '/consults', '/consults/new', '/meetings', '/rt',
      '/registry/reports', '/registry/new-report', '/registry/referrals', '/registry/follow-ups', '/registry/records',
      '/screening', '/teaching', '/statistics']);
  });
  it('gives a county clinician their requests, a new request, case management and screening, and no queue', () => {
    const items = navFor(['clinician']);
    expect(items.map((n) => n.label)).toEqual(['nav.myRequests', 'nav.newRequest', 'registry.nav.reports',
      'registry.nav.newReport', 'registry.nav.referrals', 'registry.nav.followUps', 'registry.nav.records', 'screening.nav',
      'statistics.nav']);
  });
  it('gives radiotherapy staff their plans first, then a new plan after the consult screens', () => {
    expect(navFor(['rt-staff']).map((n) => n.path)).toEqual(['/rt', '/consults', '/consults/new', '/rt/new',
      '/registry/new-report', '/teaching']);
  });
  it('gives a specialist the consults assigned to them and their meetings', () => {
    expect(navFor(['specialist']).map((n) => n.label)).toEqual(['nav.assigned', 'nav.meetings', 'rt.nav.plans',
      'registry.nav.newReport', 'registry.nav.referrals', 'registry.nav.followUps', 'teaching.nav', 'statistics.nav']);
  });
});
