import { wadors } from '@cornerstonejs/dicom-image-loader';
import { dicomJson, first, metadataPath, type DicomJson } from './dicomweb';

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
  const instances = await dicomJson(metadataPath(studyUid, seriesUid));
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
