import { lang, t, translate, type Key } from '../shell/i18n';

/** How a visit's day stands: overdue by n days, due today, or due in n days. */
export function dueText(daysOverdue: number): string {
  if (daysOverdue > 0) return t('registry.followUp.overdueBy', { n: daysOverdue });
  if (daysOverdue === 0) return t('registry.followUp.dueToday');
  return t('registry.followUp.dueIn', { n: -daysOverdue });
}

/** The page a timeline entry opens, by its kind; null for a kind this app does not know yet. */
export function timelineLink(e: { kind?: string; subjectId?: string; parentId?: string | null }): string | null {
  switch (e.kind) {
    case 'report': return `/registry/reports/${e.subjectId}`;
    case 'referral': return `/registry/referrals/${e.subjectId}`;
    case 'consult': return `/consults/${e.subjectId}`;
    case 'recommendation': return `/consults/${e.parentId}`;
    case 'rt-review': return `/rt/${e.subjectId}`;
    case 'follow-up':
    case 'follow-up-visit': return `/registry/follow-ups/${e.subjectId}`;
    case 'registry-record': return `/registry/records/${e.subjectId}`;
    default: return null;
  }
}

/** A server problem's errors[] by field name, so a form shows each beside its field. */
export function errorsByField(error: unknown): Record<string, string> {
  const errors = (error as { errors?: { field?: string; message?: string }[] } | null)?.errors ?? [];
  const out: Record<string, string> = {};
  for (const e of errors) {
    if (e.field) out[e.field] = out[e.field] ? `${out[e.field]}; ${e.message ?? ''}` : e.message ?? '';
  }
  return out;
}

/** A day the server gave as the start of that day in the alliance's time zone, as a date in the user's locale. */
export function formatDay(iso: string | undefined | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang.value, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

/** A subject's state in the user's words, or as the API spells it for a state this app has no words for. */
export function stateText(state: string): string {
  const key = `registry.timeline.state.${state}` as Key;
  return translate(lang.value, key) === key ? state : t(key);
}
