import { lang, translate, type Key, type Lang } from '../shell/i18n';

/** The four rates a programme reports, in the order the dashboard shows them, each with its definition key. */
export const RATES = [
  { field: 'screeningRate', label: 'screening.rate.screening', definition: 'screening.def.screening' },
  { field: 'highRiskRate', label: 'screening.rate.highRisk', definition: 'screening.def.highRisk' },
  { field: 'colonoscopyCompletion', label: 'screening.rate.completion', definition: 'screening.def.completion' },
  { field: 'positiveDetectionRate', label: 'screening.rate.positive', definition: 'screening.def.positive' },
] as const satisfies readonly { field: string; label: Key; definition: Key }[];

export const STAGES = ['INVITED', 'LOW_RISK', 'HIGH_RISK', 'COLONOSCOPY_DONE'] as const;
export const FINDINGS = ['CANCER', 'PRECANCEROUS', 'OTHER_BENIGN', 'NORMAL'] as const;

/** A rate (a fraction, or null when its denominator is zero) as the Changxing report writes it: 52.44%. */
export function percent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(rate * 100).toFixed(2)}%`;
}

export function stageLabel(stage: string, l: Lang = lang.value): string {
  return translate(l, `screening.stage.${stage}` as Key);
}

export function findingLabel(finding: string | null | undefined, l: Lang = lang.value): string {
  return finding ? translate(l, `screening.finding.${finding}` as Key) : '';
}
