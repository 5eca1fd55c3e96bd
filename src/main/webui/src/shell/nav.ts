import type { Key } from './i18n';

export interface NavItem {
  path: string;
  label: Key;
  roles: string[];
}

/** The screens each role works in, in the order they appear; the first one is the role's home. */
export const NAV: NavItem[] = [
  { path: '/queue', label: 'nav.queue', roles: ['case-manager', 'platform-admin'] },
  { path: '/rt', label: 'rt.nav.plans', roles: ['rt-staff'] },
  { path: '/consults', label: 'nav.myRequests', roles: ['clinician', 'rt-staff'] },
  { path: '/consults', label: 'nav.assigned', roles: ['specialist'] },
  { path: '/consults', label: 'nav.allConsults', roles: ['case-manager', 'platform-admin', 'hospital-admin'] },
  { path: '/consults/new', label: 'nav.newRequest', roles: ['clinician', 'rt-staff', 'case-manager'] },
  { path: '/meetings', label: 'nav.meetings', roles: ['case-manager', 'specialist', 'platform-admin'] },
  { path: '/rt', label: 'rt.nav.plans', roles: ['case-manager', 'specialist', 'platform-admin'] },
  { path: '/rt/new', label: 'rt.nav.newPlan', roles: ['rt-staff'] },
  { path: '/registry/reports', label: 'registry.nav.reports', roles: ['case-manager', 'clinician', 'platform-admin'] },
  { path: '/registry/new-report', label: 'registry.nav.newReport', roles: ['clinician', 'case-manager', 'specialist', 'rt-staff'] },
  { path: '/registry/referrals', label: 'registry.nav.referrals', roles: ['case-manager', 'clinician', 'specialist', 'platform-admin'] },
  { path: '/registry/follow-ups', label: 'registry.nav.followUps', roles: ['case-manager', 'clinician', 'specialist', 'platform-admin'] },
  { path: '/registry/records', label: 'registry.nav.records', roles: ['case-manager', 'clinician', 'platform-admin'] },
  { path: '/screening', label: 'screening.nav', roles: ['case-manager', 'clinician', 'platform-admin'] },
  { path: '/teaching', label: 'teaching.nav', roles: ['specialist', 'rt-staff', 'case-manager', 'platform-admin'] },
  { path: '/statistics', label: 'statistics.nav', roles: ['case-manager', 'clinician', 'specialist', 'hospital-admin', 'platform-admin'] },
  { path: '/admin/hospitals', label: 'nav.admin.hospitals', roles: ['platform-admin', 'hospital-admin'] },
  { path: '/admin/forwarding', label: 'nav.admin.forwarding', roles: ['platform-admin', 'hospital-admin'] },
  { path: '/admin/audit', label: 'nav.admin.audit', roles: ['platform-admin'] },
];

export function navFor(roles: readonly string[]): NavItem[] {
  const seen = new Set<string>();
  return NAV.filter((n) => n.roles.some((r) => roles.includes(r))).filter((n) => {
    if (seen.has(n.path)) return false;
    seen.add(n.path);
    return true;
  });
}
