/**
 * The room protocol's annotations (docs/live-protocol.md, "Annotation") and cornerstone3D's tools: which
 * tool draws which kind, and how the image points are written and read.
 */

export type Kind = 'line' | 'angle' | 'arrow' | 'ellipse' | 'polygon' | 'text';

export const TOOL_OF_KIND: Record<Kind, string> = {
  line: 'Length', angle: 'Angle', arrow: 'ArrowAnnotate', ellipse: 'EllipticalROI', polygon: 'PlanarFreehandROI',
  text: 'Label',
};

/** The protocol's limit on a freehand ROI's points (docs/live-protocol.md). */
export const MAX_POLYGON_POINTS = 10_000;

type Point = [number, number];

/**
 * An ellipse as the protocol carries it: two opposite corners of its bounding box, from cornerstone's four
 * handles (the ends of its axes), all in image pixels.
 */
export function ellipseCorners(handles: Point[]): [Point, Point] {
  const xs = handles.map((p) => p[0]);
  const ys = handles.map((p) => p[1]);
  return [[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]];
}

/** cornerstone's four ellipse handles (bottom, top, left, right) from the bounding box's corners. */
export function ellipseHandles(corners: Point[]): Point[] {
  const [[x0, y0], [x1, y1]] = corners;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return [[cx, Math.max(y0, y1)], [cx, Math.min(y0, y1)], [Math.min(x0, x1), cy], [Math.max(x0, x1), cy]];
}

export function kindOfTool(toolName: string): Kind | null {
  const found = (Object.keys(TOOL_OF_KIND) as Kind[]).find((k) => TOOL_OF_KIND[k] === toolName);
  return found ?? null;
}

/** SOP Instance UID and frame of a WADO-RS image ID (…/instances/{sop}/frames/{n}). */
export function instanceOf(imageId: string): { sopInstanceUid: string; frame: number } | null {
  const m = imageId.match(/\/instances\/([0-9.]+)\/frames\/(\d+)/);
  return m ? { sopInstanceUid: m[1], frame: Number(m[2]) } : null;
}

export interface ProtocolAnnotation {
  id: string;
  kind: Kind;
  ref: { studyUid: string; seriesUid: string; sopInstanceUid: string; frame: number; pixelSpacing?: [number, number] };
  points: Point[];
  patientPoints?: [number, number, number][];
  text?: string;
}

/**
 * The world (patient mm) points that stand for a cornerstone annotation in the protocol: a freehand ROI's
 * closed outline (at most {@link MAX_POLYGON_POINTS}, evenly thinned), a text label's anchor alone (the
 * Label tool keeps its anchor twice), every handle otherwise.
 */
export function protocolPoints<T>(kind: Kind, handles: T[], outline: T[] | undefined): T[] {
  if (kind === 'text') return handles.slice(0, 1);
  if (kind !== 'polygon') return handles;
  const all = outline ?? [];
  if (all.length <= MAX_POLYGON_POINTS) return all;
  const step = all.length / MAX_POLYGON_POINTS;
  return Array.from({ length: MAX_POLYGON_POINTS }, (_, i) => all[Math.floor(i * step)]);
}

/** What an annotation looks like on the image: redrawn when this changes (an edit from the room). */
export function shapeOf(a: { points?: unknown; text?: unknown }): string {
  return JSON.stringify([a.points, a.text ?? null]);
}

/** A lease target of the room protocol for an annotation. */
export const leaseOf = (id: string) => `annotation:${id}`;

/** What one person reads about an annotation: the author, the kind, and the server's measurement. */
export function describe(a: Record<string, unknown>, kindLabel: (k: string) => string): string {
  const m = (a.measurement ?? {}) as { length?: number; degrees?: number; area?: number; unit?: string };
  const value = m.length ?? m.degrees ?? m.area;
  const unit = m.degrees != null ? '°' : m.unit ? ` ${m.unit}` : '';
  const text = typeof a.text === 'string' && a.text ? ` "${a.text}"` : '';
  return `${String(a.author ?? '')}: ${kindLabel(String(a.kind))}${value != null ? ` ${value.toFixed(1)}${unit}` : ''}${text}`;
}
