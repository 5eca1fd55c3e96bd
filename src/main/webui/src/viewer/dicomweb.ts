import { accessToken } from '../shell/auth';

/**
 * The viewer's DICOMweb JSON requests (QIDO-RS, series metadata), without cornerstone, so that a page can
 * start them before the viewer's code has loaded ({@link prefetchStudy}).
 */
export type DicomJson = Record<string, { vr?: string; Value?: unknown[] }>;
export const first = (o: DicomJson, tag: string) => o[tag]?.Value?.[0];

export interface SeriesInfo {
  seriesUid: string;
  modality?: string;
  description?: string;
  number?: number;
  instances?: number;
}

/** Series that are not images to scroll through: the viewer does not list them. */
const NOT_IMAGES = ['RTSTRUCT', 'RTPLAN', 'RTDOSE', 'SR', 'PR', 'DOC'];
/** How long a request started ahead waits to be taken up before it counts as stale. */
const EARLY_FOR_MS = 30_000;
/** Requests started ahead, by path, each taken up once by the request it anticipated. */
const early = new Map<string, { response: Promise<DicomJson[]>; at: number }>();

async function request(path: string): Promise<DicomJson[]> {
  const response = await fetch(path, {
    headers: { Accept: 'application/dicom+json', Authorization: `Bearer ${accessToken() ?? ''}` },
  });
  if (response.status === 204) return [];
  if (!response.ok) throw new Error(`DICOMweb ${path}: HTTP ${response.status}`);
  return (await response.json()) as DicomJson[];
}

function ahead(path: string): Promise<DicomJson[]> {
  const response = request(path);
  response.catch(() => undefined); // a failure is reported to whoever takes it up
  early.set(path, { response, at: Date.now() });
  return response;
}

export function dicomJson(path: string): Promise<DicomJson[]> {
  const started = early.get(path);
  early.delete(path);
  return started && Date.now() - started.at < EARLY_FOR_MS ? started.response : request(path);
}

const seriesPath = (studyUid: string) => `/dicomweb/studies/${studyUid}/series`;
export const metadataPath = (studyUid: string, seriesUid: string) => `/dicomweb/studies/${studyUid}/series/${seriesUid}/metadata`;

function imageSeries(rows: DicomJson[]): SeriesInfo[] {
  return rows.map((r) => ({
    seriesUid: String(first(r, '0020000E')),
    modality: first(r, '00080060') as string | undefined,
    description: first(r, '0008103E') as string | undefined,
    number: first(r, '00200011') as number | undefined,
    instances: first(r, '00201209') as number | undefined,
  })).filter((s) => !NOT_IMAGES.includes(s.modality ?? '')).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
}

/** The image series of a study (QIDO-RS), by series number. */
export async function imageSeriesOf(studyUid: string): Promise<SeriesInfo[]> {
  return imageSeries(await dicomJson(seriesPath(studyUid)));
}

/**
 * Starts reading a study's series and the metadata of the series the viewer shows first while the viewer's
 * code is still loading; the viewer's own requests for them take these up (within 30 s).
 */
export function prefetchStudy(studyUid: string): void {
  ahead(seriesPath(studyUid)).then((rows) => {
    const shown = imageSeries(rows)[0];
    if (shown) ahead(metadataPath(studyUid, shown.seriesUid));
  }).catch(() => undefined);
}
