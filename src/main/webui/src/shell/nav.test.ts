import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

describe('navigation by role', () => {
  it('gives the case manager the triage queue first', () => {
    expect(navFor(['case-manager']).map((n) => n.path)).toEqual(['/queue', '/consults', '/consults/new', '/meetings',
      '/registry/reports', '/registry/new-report', '/registry/referrals']);
  });
  it('gives a county clinician their requests and a new request, and no queue', () => {
    const items = navFor(['clinician']);
    expect(items.map((n) => n.label)).toEqual(['nav.myRequests', 'nav.newRequest', 'registry.nav.reports',
      'registry.nav.newReport', 'registry.nav.referrals']);
  });
  it('gives a specialist the consults assigned to them and their meetings', () => {
    expect(navFor(['specialist']).map((n) => n.label)).toEqual(['nav.assigned', 'nav.meetings', 'registry.nav.newReport',
      'registry.nav.referrals']);
  });
});
