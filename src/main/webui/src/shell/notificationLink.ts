/** The page a notification is about: its consult, or its subject by kind (registry and radiotherapy notices). */
export function notificationLink(n: { kind?: string; consultId?: string | null; subjectId?: string | null }): string | null {
  if (n.consultId) return `/consults/${n.consultId}`;
  const id = n.subjectId;
  if (!id || !n.kind) return null;
  if (n.kind === 'registry.reported') return `/registry/reports/${id}`;
  if (n.kind === 'registry.referral') return `/registry/referrals/${id}`;
  if (n.kind === 'registry.followup' || n.kind.startsWith('registry.followup.')) return `/registry/follow-ups/${id}`;
  if (n.kind.startsWith('rt.')) return `/rt/${id}`;
  return null;
}
