import { formatDateTime, formatDuration, t, type Key } from '../shell/i18n';
import type { Schemas } from '../api/client';

export const CERTAINTIES = ['SUSPECTED', 'CONFIRMED'] as const;
export const DETECTIONS = ['SCREENING', 'OUTPATIENT', 'INPATIENT', 'OTHER'] as const;
export const PRIORITIES = ['examination', 'consultation', 'admission'] as const;

export const label = (prefix: string, value: string | undefined | null) => (value ? t(`registry.${prefix}.${value}` as Key) : '');

type Clock = Schemas['RecordClock'];

/** The record clock as the case manager reads it: time left, overdue by, or how long recording took. */
export function clockText(c: Clock | undefined): string {
  if (!c) return '';
  if (c.running) {
    const s = c.remainingSeconds ?? 0;
    return s < 0 ? t('registry.clock.overdue', { time: formatDuration(-s) })
      : t('registry.clock.remaining', { time: formatDuration(s) });
  }
  return `${t('registry.clock.recorded', { time: formatDuration(c.tookSeconds ?? 0) })}（${t(c.onTime ? 'registry.clock.onTime' : 'registry.clock.late')}）`;
}

export function arrangement(a: Schemas['Arrangement'] | undefined | null): string {
  return a ? t('registry.priority.by', { by: a.by ?? '', at: formatDateTime(a.at) }) : '';
}
