import { wadors } from '@cornerstonejs/dicom-image-loader';
import { accessToken } from '../shell/auth';

type DicomJson = Record<string, { vr?: string; Value?: unknown[] }>;
const first = (o: DicomJson, tag: string) => o[tag]?.Value?.[0];

export interface SeriesInfo {
  seriesUid: string;
  modality?: string;
  description?: string;
  number?: number;
  instances?: number;
}

async function dicomJson(path: string): Promise<DicomJson[]> {
  const response = await fetch(path, {
    headers: { Accept: 'application/dicom+json', Authorization: `Bearer ${accessToken() ?? ''}` },
  });
  if (response.status === 204) return [];
  if (!response.ok) throw new Error(`DICOMweb ${path}: HTTP ${response.status}`);
  return (await response.json()) as DicomJson[];
}

/** The series of a study (QIDO-RS), images first by series number. */
export async function seriesOf(studyUid: string): Promise<SeriesInfo[]> {
  const rows = await dicomJson(`/dicomweb/studies/${studyUid}/series`);
  return rows.map((r) => ({
    seriesUid: String(first(r, '0020000E')),
    modality: first(r, '00080060') as string | undefined,
    description: first(r, '0008103E') as string | undefined,
    number: first(r, '00200011') as number | undefined,
    instances: first(r, '00201209') as number | undefined,
  })).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
}

/** Where a slice lies along the stack: its position projected on the slice normal, else its instance number. */
export function slicePosition(meta: DicomJson): number {
  const ipp = meta['00200032']?.Value as number[] | undefined;
  const iop = meta['00200037']?.Value as number[] | undefined;
  if (ipp?.length === 3 && iop?.length === 6) {
    const [a, b, c, d, e, f] = iop;
    const n = [b * f - c * e, c * d - a * f, a * e - b * d];
    return ipp[0] * n[0] + ipp[1] * n[1] + ipp[2] * n[2];
  }
  return Number(first(meta, '00200013') ?? 0);
}

/**
 * The series' image IDs for the WADO-RS loader, in slice order, with each instance's metadata (one
 * metadata request for the whole series) handed to the loader so that it asks for pixels only. A
 * multi-frame instance gives one image ID per frame.
 */
export async function imageIdsOf(studyUid: string, seriesUid: string): Promise<string[]> {
  const base = `${location.origin}/dicomweb/studies/${studyUid}/series/${seriesUid}`;
  const instances = await dicomJson(`/dicomweb/studies/${studyUid}/series/${seriesUid}/metadata`);
  const ordered = instances
    .filter((m) => m['7FE00010'] || m['00280010'])
    .sort((a, b) => slicePosition(a) - slicePosition(b));
  const ids: string[] = [];
  for (const meta of ordered) {
    const sop = String(first(meta, '00080018'));
    const frames = Number(first(meta, '00280008') ?? 1) || 1;
    for (let f = 1; f <= frames; f++) {
      const id = `wadors:${base}/instances/${sop}/frames/${f}`;
      wadors.metaDataManager.add(id, meta as never);
      ids.push(id);
    }
  }
  return ids;
}
