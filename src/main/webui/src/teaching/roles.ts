import { hasRole, me } from '../shell/me';

/** Teachers: the provincial hospital's specialists, rt-staff and case managers, and platform admins (as the server decides). */
export function teaches(): boolean {
  if (hasRole('platform-admin')) return true;
  return me.value?.hospital?.level === 'PROVINCIAL' && hasRole('specialist', 'rt-staff', 'case-manager');
}
