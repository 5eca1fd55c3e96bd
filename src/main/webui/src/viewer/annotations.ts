/**
 * The room protocol's annotations (docs/live-protocol.md, "Annotation") and cornerstone3D's tools: which
 * tool draws which kind, and how the image points are written and read.
 */

export type Kind = 'line' | 'angle' | 'arrow';

export const TOOL_OF_KIND: Record<Kind, string> = { line: 'Length', angle: 'Angle', arrow: 'ArrowAnnotate' };

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
  points: [number, number][];
  patientPoints?: [number, number, number][];
}

/** What one person reads about an annotation: the author, the kind, and the server's measurement. */
export function describe(a: Record<string, unknown>, kindLabel: (k: string) => string): string {
  const m = (a.measurement ?? {}) as { length?: number; degrees?: number; area?: number; unit?: string };
  const value = m.length ?? m.degrees ?? m.area;
  const unit = m.degrees != null ? '°' : m.unit ? ` ${m.unit}` : '';
  return `${String(a.author ?? '')}: ${kindLabel(String(a.kind))}${value != null ? ` ${value.toFixed(1)}${unit}` : ''}`;
}
