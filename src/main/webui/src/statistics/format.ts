import { lang, translate, type Key, type Lang } from '../shell/i18n';

export interface Wording { title: string; numerator: string; denominator?: string | null; dateField: string }
export interface Definition { zh: Wording; en: Wording }

/** The definition in the user's language. */
export function wording(d: Definition, l: Lang = lang.value): Wording {
  return l === 'zh-CN' ? d.zh : d.en;
}

/** A figure's value as read on the dashboard: rates as 52.44%, times in hours, counts as integers. */
export function formatValue(unit: string, value: number | null | undefined, l: Lang = lang.value): string {
  if (value == null) return '—';
  if (unit === 'RATE') return `${(value * 100).toFixed(2)}%`;
  if (unit === 'SECONDS') return translate(l, 'statistics.hours', { n: hours(value) });
  return new Intl.NumberFormat(l).format(value);
}

/** Seconds as hours with one decimal, the unit the turnaround charts use. */
export function hours(seconds: number | null | undefined): number {
  return seconds == null ? 0 : Math.round(seconds / 360) / 10;
}

/** A breakdown row's label as the user reads it: steps and ways found are translated, codes and months kept. */
export function rowLabel(breakdown: string, label: string, l: Lang = lang.value): string {
  if (breakdown === 'consults.turnaround') return translate(l, `statistics.step.${label}` as Key);
  if (breakdown === 'reports.byDetection') return translate(l, `statistics.detection.${label}` as Key);
  return label;
}

export function columnLabel(column: string, l: Lang = lang.value): string {
  return translate(l, `statistics.column.${column}` as Key);
}

/** Query parameters of the dashboard and its exports; empty filters are left out. */
export function query(f: { from: string; to: string; hospital: string; programme: string }): Record<string, string> {
  const q: Record<string, string> = { from: f.from, to: f.to };
  if (f.hospital) q.hospital = f.hospital;
  if (f.programme) q.programme = f.programme;
  return q;
}
