import { accessToken } from '../shell/auth';

/** A study in the archive, as QIDO-RS describes it (DICOM JSON, read by tag). */
export interface ArchivedStudy {
  studyUid: string;
  date?: string;
  description?: string;
  modalities?: string;
  instances?: number;
}

type DicomJson = Record<string, { Value?: unknown[] }>;
const first = (o: DicomJson, tag: string) => o[tag]?.Value?.[0];

/** The studies the archive holds under this patient ID, newest first. */
export async function studiesOfPatient(patientId: string): Promise<ArchivedStudy[]> {
  const url = `/dicomweb/studies?PatientID=${encodeURIComponent(patientId)}&includefield=00081030`;
  const response = await fetch(url, {
    headers: { Accept: 'application/dicom+json', Authorization: `Bearer ${accessToken() ?? ''}` },
  });
  if (response.status === 204) return [];
  if (!response.ok) throw new Error(`QIDO-RS: HTTP ${response.status}`);
  const rows = (await response.json()) as DicomJson[];
  return rows.map((r) => ({
    studyUid: String(first(r, '0020000D')),
    date: first(r, '00080020') as string | undefined,
    description: first(r, '00081030') as string | undefined,
    modalities: (r['00080061']?.Value ?? []).join('/'),
    instances: first(r, '00201208') as number | undefined,
  })).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
