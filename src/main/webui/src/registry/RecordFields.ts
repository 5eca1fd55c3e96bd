import { accessToken } from '../shell/auth';
import { formatDateTime, t, type Key } from '../shell/i18n';
import type { Schemas } from '../api/client';

export type RecordView = Schemas['RecordView'];
export type Content = Schemas['RegistryRecordContent'];
export type FieldName = keyof Content;

/** How a field is edited: free text, a date, a number, one of a list, or yes/no. */
export type Field = { name: FieldName; kind: 'text' | 'date' | 'number' | 'enum' | 'bool' | 'long'; options?: readonly string[]; labels?: string };

const BASIS = ['DEATH_CERTIFICATE_ONLY', 'CLINICAL', 'CLINICAL_INVESTIGATION', 'TUMOUR_MARKERS', 'CYTOLOGY',
  'HISTOLOGY_METASTASIS', 'HISTOLOGY_PRIMARY', 'AUTOPSY', 'UNKNOWN'] as const;
export const TREATMENT_STATUSES = ['PLANNED', 'ONGOING', 'COMPLETED'] as const;
export const MODALITIES = ['SURGERY', 'RADIOTHERAPY', 'CHEMOTHERAPY', 'TARGETED', 'IMMUNOTHERAPY', 'TRIAL',
  'BEST_SUPPORTIVE_CARE'] as const;
export type Treatment = Schemas['RegistryTreatment'];

/** The record's fields in the order of the registry's form (肿瘤数据库), by section. */
export const SECTIONS: { key: Key; fields: Field[] }[] = [
  {
    key: 'registry.record.section.diagnosis', fields: [
      { name: 'attendingDoctor', kind: 'text' },
      { name: 'diagnosisDate', kind: 'date' },
      { name: 'basisOfDiagnosis', kind: 'enum', options: BASIS, labels: 'basis' },
      { name: 'icd10', kind: 'text' },
      { name: 'topography', kind: 'text' },
      { name: 'morphology', kind: 'text' },
    ],
  },
  {
    key: 'registry.record.section.stage', fields: [
      { name: 'histology', kind: 'text' },
      { name: 'grade', kind: 'text' },
      { name: 'tnmEdition', kind: 'number' },
      { name: 't', kind: 'text' },
      { name: 'n', kind: 'text' },
      { name: 'm', kind: 'text' },
      { name: 'stageGroup', kind: 'text' },
      { name: 'ecog', kind: 'number' },
    ],
  },
  {
    key: 'registry.record.section.treatment', fields: [
      { name: 'intent', kind: 'enum', options: ['CURATIVE', 'PALLIATIVE'], labels: 'intent' },
      { name: 'treatmentPlan', kind: 'long' },
      { name: 'rtTotalDoseGy', kind: 'number' },
      { name: 'rtFractions', kind: 'number' },
      { name: 'rtTechnique', kind: 'text' },
    ],
  },
  {
    key: 'registry.record.section.outcome', fields: [
      { name: 'recist', kind: 'enum', options: ['CR', 'PR', 'SD', 'PD', 'NE'], labels: 'recist' },
      { name: 'responseOn', kind: 'date' },
      { name: 'lastContactOn', kind: 'date' },
      { name: 'vitalStatus', kind: 'enum', options: ['ALIVE', 'DECEASED'], labels: 'vital' },
      { name: 'deathDate', kind: 'date' },
      { name: 'recurrence', kind: 'bool' },
      { name: 'progression', kind: 'bool' },
    ],
  },
];

export const fieldLabel = (name: string) => t(`registry.record.field.${name}` as Key);

/** A field's value as the record page shows it. */
export function shown(f: Field, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('registry.record.unknown');
  if (f.kind === 'bool') return t(value ? 'registry.record.yes' : 'registry.record.no');
  if (f.kind === 'enum' && f.labels) return t(`registry.record.${f.labels}.${String(value)}` as Key);
  return String(value);
}

/** "Signed recommendation · 李明 · 2026-12-01 10:00": where a field's value came from. */
export function provenance(from: Schemas['FilledFrom'] | undefined): string {
  if (!from?.source) return '';
  return [t(`registry.record.source.${from.source}` as Key), from.by, from.at ? formatDateTime(from.at) : '']
    .filter(Boolean).join(' · ');
}

/** Downloads an export that needs the bearer token (so a plain link cannot fetch it) as a file. */
export async function downloadExport(url: string, accept: string, filename: string): Promise<void> {
  const response = await fetch(url, { headers: { Accept: accept, Authorization: `Bearer ${accessToken() ?? ''}` } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await response.blob());
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
