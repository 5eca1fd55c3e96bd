import { t, type Key } from '../shell/i18n';

export const STATES = ['REQUESTED', 'TRIAGED', 'SCHEDULED', 'IN_SESSION', 'RECOMMENDED', 'SIGNED', 'CLOSED',
  'RETURNED', 'DECLINED'] as const;
export const URGENCIES = ['GREEN_CHANNEL', 'URGENT', 'ROUTINE'] as const;
export const DISCIPLINES = ['radiation-oncology', 'medical-oncology', 'surgery', 'pathology', 'radiology',
  'medical-physics'] as const;

export const stateLabel = (s: string | undefined) => (s ? t(`state.${s}` as Key) : '');
export const urgencyLabel = (u: string | undefined) => (u ? t(`urgency.${u}` as Key) : '');
export const disciplineLabel = (d: string | undefined) => (d ? t(`discipline.${d}` as Key) : '');
export const actionLabel = (a: string) => t(`action.${a}` as Key);
