/**
 * The room protocol's annotations (docs/live-protocol.md, "Annotation") and cornerstone3D's tools: which
 * tool draws which kind, and how the image points are written and read.
 */

export type Kind = 'line' | 'angle' | 'arrow' | 'ellipse';

export const TOOL_OF_KIND: Record<Kind, string> = {
  line: 'Length', angle: 'Angle', arrow: 'ArrowAnnotate', ellipse: 'EllipticalROI',
};

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
}

/** What one person reads about an annotation: the author, the kind, and the server's measurement. */
export function describe(a: Record<string, unknown>, kindLabel: (k: string) => string): string {
  const m = (a.measurement ?? {}) as { length?: number; degrees?: number; area?: number; unit?: string };
  const value = m.length ?? m.degrees ?? m.area;
  const unit = m.degrees != null ? '°' : m.unit ? ` ${m.unit}` : '';
  return `${String(a.author ?? '')}: ${kindLabel(String(a.kind))}${value != null ? ` ${value.toFixed(1)}${unit}` : ''}`;
}
