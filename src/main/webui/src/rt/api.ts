import { api, must, type Schemas } from '../api/client';
import { accessToken } from '../shell/auth';
import { lang } from '../shell/i18n';
import { framePixelsToGy, multipartParts, type DoseGrid } from './dose';
import type { RevisionContent } from './geometry';

export type Submission = Schemas['SubmissionView'];
export type Finding = Schemas['Finding'];
export type Metrics = Schemas['ContourMetrics'];
export type DoseReview = Schemas['DoseReview'];
export type DoseImpact = Schemas['DoseImpact'];
export type Decision = Schemas['DecisionView'];

/** A revision in the lineage (GET …/revisions; the server's RevisionView). */
export interface RevisionEntry {
  id: string;
  number: number;
  parentNumber?: number | null;
  kind: 'SUBMITTED' | 'EXPERT' | string;
  author?: string;
  createdAt?: string;
  reason?: string;
  changedRois?: { number: number; name: string }[];
}

const path = (id: string) => ({ params: { path: { id } } });

/** Assigns a provincial reviewer (204, no body). */
export async function assignReviewer(id: string, userId: string, displayName: string): Promise<void> {
  const result = await api.POST('/api/rt/submissions/{id}/reviewers', { ...path(id), body: { userId, displayName } });
  if (!result.response.ok) must(result);
}

export async function submission(id: string): Promise<Submission> {
  return must(await api.GET('/api/rt/submissions/{id}', path(id))) as Submission;
}

export async function lineage(id: string): Promise<RevisionEntry[]> {
  return must(await api.GET('/api/rt/submissions/{id}/revisions', path(id))) as unknown as RevisionEntry[];
}

/** A revision's contours; immutable, so the browser's cache answers a second ask (strong ETag). */
export async function revision(id: string, n: number): Promise<RevisionContent> {
  return must(await api.GET('/api/rt/submissions/{id}/revisions/{number}', { params: { path: { id, number: n } } })) as unknown as RevisionContent;
}

export async function openRoom(id: string): Promise<{ roomId: string; baseRevision: number }> {
  return must(await api.POST('/api/rt/submissions/{id}/room', path(id))) as unknown as { roomId: string; baseRevision: number };
}

export async function commit(id: string, reason: string): Promise<RevisionEntry> {
  return must(await api.POST('/api/rt/submissions/{id}/revisions', { ...path(id), body: { reason } })) as unknown as RevisionEntry;
}

export async function metrics(id: string, from: number, to: number): Promise<Metrics[]> {
  return must(await api.GET('/api/rt/submissions/{id}/metrics', { params: { path: { id }, query: { from, to } } }));
}

export async function dose(id: string, n: number): Promise<DoseReview> {
  return must(await api.GET('/api/rt/submissions/{id}/revisions/{number}/dose', { params: { path: { id, number: n } } }));
}

/** The template on revision {@code from}'s ROIs beside revision {@code to}'s, with how each constraint moved. */
export async function doseImpact(id: string, from: number, to: number): Promise<DoseImpact> {
  return must(await api.GET('/api/rt/submissions/{id}/dose-impact', { params: { path: { id }, query: { from, to } } }));
}

export async function decision(id: string): Promise<Decision> {
  return must(await api.GET('/api/rt/submissions/{id}/decision', path(id)));
}

async function authorised(url: string, accept: string): Promise<Response> {
  const response = await fetch(url, { headers: { Accept: accept, Authorization: `Bearer ${accessToken() ?? ''}` } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** Saves a blob the way a download link does. */
function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Downloads a revision as RTSTRUCT (Part 10), fetched with the token and saved as a file. */
export async function downloadRtstruct(id: string, n: number): Promise<void> {
  save(must(await api.GET('/api/rt/submissions/{id}/revisions/{number}/rtstruct', {
    params: { path: { id, number: n } }, parseAs: 'blob',
  })) as Blob, `RTSTRUCT-R${n}.dcm`);
}

/** Downloads the review summary PDF (放疗计划审核报告) in the app's language. */
export async function downloadReport(id: string): Promise<void> {
  save(must(await api.GET('/api/rt/submissions/{id}/report', {
    params: { path: { id }, query: { lang: lang.value } }, parseAs: 'blob',
  })) as Blob, `rt-review-${lang.value}.pdf`);
}

/** The county's answer to one required change of a return. */
export type Answer = Schemas['Answer1'];

/** One version of a submission (GET …/versions; the server's SubmissionVersionView). */
export interface SubmissionVersion {
  version: number;
  submittedBy?: string;
  submittedAt?: string;
  note?: string | null;
  answers?: Answer[];
  queuedAt?: string | null;
}

export async function versions(id: string): Promise<SubmissionVersion[]> {
  return must(await api.GET('/api/rt/submissions/{id}/versions', path(id))) as unknown as SubmissionVersion[];
}

/** Resubmits a returned plan with an answer to every required change of the return. */
export async function resubmit(id: string, answers: Answer[], note: string): Promise<Submission> {
  return must(await api.POST('/api/rt/submissions/{id}/resubmission', {
    ...path(id), body: { answers, note: note || undefined },
  })) as unknown as Submission;
}

/**
 * Stores a revision's RTSTRUCT with the study and sends it to one of the county's receiving AEs: the one
 * named, else the county's only one (the server answers 409 naming them when it has several).
 */
export async function exportRevision(id: string, n: number, targetAe?: string): Promise<Schemas['Exported']> {
  return must(await api.POST('/api/rt/submissions/{id}/revisions/{number}/export', {
    params: { path: { id, number: n }, query: { targetAe: targetAe || undefined } },
  }));
}

/** The AEs of a hospital that we may send to (C-STORE), by title. */
export async function receivingAes(hospitalId: string): Promise<Schemas['AeEntry'][]> {
  const all = must(await api.GET('/api/hospitals/{hospitalId}/application-entities', { params: { path: { hospitalId } } }));
  return all.filter((ae) => ae.mayReceive);
}

/**
 * Where the reviewed structure set of a plan went, as the county was told (its notifications of kind
 * rt.exported about this plan), newest first, in the app's language.
 */
export async function deliveries(id: string): Promise<{ at?: string; text: string }[]> {
  const feed = must(await api.GET('/api/notifications', { params: { query: { limit: 200 } } }));
  return (feed.items ?? []).filter((n) => n.kind === 'rt.exported' && n.subjectId === id)
    .map((n) => ({ at: n.createdAt, text: (lang.value === 'en' ? n.titleEn : n.titleZh) ?? '' }));
}

type DicomJson = Record<string, { Value?: unknown[] }>;
const values = (o: DicomJson, tag: string) => (o[tag]?.Value ?? []) as number[];

/**
 * The plan's RTDOSE grid in Gy, read over DICOMweb: the series' metadata (geometry, Dose Grid Scaling,
 * Grid Frame Offset Vector), then every frame in one WADO-RS request.
 */
export async function doseGrid(studyUid: string, doseSopUid: string): Promise<DoseGrid> {
  const series = (await (await authorised(`/dicomweb/studies/${studyUid}/series`, 'application/dicom+json')).json()) as DicomJson[];
  for (const s of series.filter((x) => x['00080060']?.Value?.[0] === 'RTDOSE')) {
    const seriesUid = String(s['0020000E']?.Value?.[0]);
    const metas = (await (await authorised(`/dicomweb/studies/${studyUid}/series/${seriesUid}/metadata`, 'application/dicom+json')).json()) as DicomJson[];
    const meta = metas.find((m) => m['00080018']?.Value?.[0] === doseSopUid);
    if (!meta) continue;
    const frames = Number(meta['00280008']?.Value?.[0] ?? 1);
    const offsets = values(meta, '3004000C');
    const ipp = values(meta, '00200032');
    const spacing = values(meta, '00280030');
    const rows = Number(meta['00280010']?.Value?.[0]);
    const columns = Number(meta['00280011']?.Value?.[0]);
    const bits = Number(meta['00280100']?.Value?.[0] ?? 16);
    const signed = Number(meta['00280103']?.Value?.[0] ?? 0) === 1;
    const scaling = Number(meta['3004000E']?.Value?.[0] ?? 1);
    const list = Array.from({ length: frames }, (_, i) => i + 1).join(',');
    const response = await authorised(`/dicomweb/studies/${studyUid}/series/${seriesUid}/instances/${doseSopUid}/frames/${list}`,
      'multipart/related; type="application/octet-stream"');
    const boundary = /boundary="?([^";]+)"?/.exec(response.headers.get('Content-Type') ?? '')?.[1] ?? '';
    const parts = multipartParts(new Uint8Array(await response.arrayBuffer()), boundary);
    const planes = parts.map((p) => framePixelsToGy(p, bits, signed, scaling));
    const zs = offsets.length === frames ? offsets.map((o) => ipp[2] + o) : planes.map((_, i) => ipp[2] + i);
    let max = 0;
    for (const plane of planes) for (const v of plane) if (v > max) max = v;
    const order = zs.map((z, i) => [z, i]).sort((a, b) => a[0] - b[0]);
    return {
      origin: [ipp[0], ipp[1], ipp[2]], dx: spacing[1], dy: spacing[0], columns, rows,
      zs: order.map(([z]) => z), planes: order.map(([, i]) => planes[i]), max,
    };
  }
  throw new Error(`RTDOSE ${doseSopUid} not found`);
}
