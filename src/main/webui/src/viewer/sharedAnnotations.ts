import { useEffect } from 'preact/hooks';
import { eventTarget, getRenderingEngine, metaData, utilities, type Types } from '@cornerstonejs/core';
import { AngleTool, ArrowAnnotateTool, EllipticalROITool, LengthTool, WindowLevelTool, Enums as ToolEnums } from '@cornerstonejs/tools';
import type { Key } from '../shell/i18n';
import { ellipseCorners, ellipseHandles, instanceOf, kindOfTool, type Kind, type ProtocolAnnotation } from './annotations';

/** The room's annotations to show, and how to send one drawn here (the room client's annotation.create). */
export interface SharedAnnotations {
  items: Record<string, Record<string, unknown>>;
  publish: (a: ProtocolAnnotation) => void;
}

/** Window/level, then the measuring tools whose annotations the room shares, with their labels. */
export const SHARED_TOOLS: { name: string; label: Key }[] = [
  { name: WindowLevelTool.toolName, label: 'viewer.tool.windowLevel' },
  { name: LengthTool.toolName, label: 'viewer.tool.length' },
  { name: AngleTool.toolName, label: 'viewer.tool.angle' },
  { name: EllipticalROITool.toolName, label: 'viewer.tool.ellipse' },
  { name: ArrowAnnotateTool.toolName, label: 'viewer.tool.arrow' },
];

type Hydrate = (viewportId: string, points: Types.Point3[], options?: { annotationUID?: string; referencedImageId?: string }) => unknown;
/** The kinds drawn on the review room's CT (the consult viewer also draws freehand outlines and text labels). */
const HYDRATE: Partial<Record<Kind, Hydrate>> = {
  line: LengthTool.hydrate as Hydrate,
  angle: AngleTool.hydrate as Hydrate,
  arrow: ((vp, points, options) => (ArrowAnnotateTool.hydrate as unknown as (v: string, p: Types.Point3[], l: string, o?: object) => unknown)(vp, points, '', options)) as Hydrate,
  ellipse: EllipticalROITool.hydrate as Hydrate,
};

/** One stack viewport whose measurements are the room's: which viewport, which series, its images. */
export interface AnnotatedStack {
  engineId: string;
  viewportId: string;
  studyUid: string;
  /** the series shown, or null before one is */
  seriesUid: string | null;
  /** the stack's image IDs, once set */
  imageIds: { current: string[] };
  /** annotation UIDs already on this viewport (drawn here, or hydrated from the room) */
  shown: { current: Set<string> };
  /** changes when the stack has been (re)loaded, so that the room's annotations are drawn on it */
  loaded: unknown;
}

/**
 * Shared measurements on a stack viewport (docs/live-protocol.md, "Annotation"): a length, angle, arrow or
 * ellipse drawn here with cornerstone's tools is published to the room (image points, patient points in mm,
 * pixel spacing; an ellipse as its bounding box), and the room's annotations by others are drawn with the
 * same tools (hydrate) on their image. The consult room's viewer and the review room's CT use it alike.
 */
export function useSharedAnnotations(stack: AnnotatedStack, shared: SharedAnnotations | undefined): void {
  // an annotation drawn here goes to the room; the room's echo of it is then already shown
  useEffect(() => {
    if (!shared) return;
    const completed = (evt: Event) => {
      const a = (evt as CustomEvent).detail?.annotation;
      const kind = a && kindOfTool(a.metadata?.toolName);
      const imageId: string | undefined = a?.metadata?.referencedImageId;
      const where = imageId ? instanceOf(imageId) : null;
      if (!kind || !imageId || !where || !stack.seriesUid || stack.shown.current.has(a.annotationUID)) return;
      if (!stack.imageIds.current.includes(imageId)) return; // another viewport's
      stack.shown.current.add(a.annotationUID);
      const world = a.data.handles.points as Types.Point3[];
      const plane = metaData.get('imagePlaneModule', imageId) as { rowPixelSpacing?: number; columnPixelSpacing?: number } | undefined;
      const image = world.map((p) => utilities.worldToImageCoords(imageId, p) as [number, number]);
      shared.publish({
        id: a.annotationUID, kind,
        ref: {
          studyUid: stack.studyUid, seriesUid: stack.seriesUid, ...where,
          pixelSpacing: plane?.rowPixelSpacing && plane.columnPixelSpacing ? [plane.rowPixelSpacing, plane.columnPixelSpacing] : undefined,
        },
        // an ellipse travels as its bounding box; its patient points would be its axis ends, so none are sent
        points: kind === 'ellipse' ? ellipseCorners(image) : image,
        patientPoints: kind === 'ellipse' ? undefined : world.map((p) => [p[0], p[1], p[2]] as [number, number, number]),
      });
    };
    eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, completed);
    return () => eventTarget.removeEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, completed);
  }, [shared?.publish, stack.seriesUid]);

  // annotations drawn by others in the room appear here, on their image, with cornerstone's own tools
  useEffect(() => {
    const items = shared?.items ?? {};
    let drew = false;
    for (const [id, a] of Object.entries(items)) {
      if (stack.shown.current.has(id)) continue;
      const ref = a.ref as ProtocolAnnotation['ref'] | undefined;
      const kind = a.kind as Kind;
      const hydrate = HYDRATE[kind];
      if (!ref || !hydrate) continue;
      const imageId = stack.imageIds.current.find((i) => {
        const at = instanceOf(i);
        return at?.sopInstanceUid === ref.sopInstanceUid && at.frame === (ref.frame ?? 1);
      });
      if (!imageId) continue;
      const patient = kind === 'ellipse' ? undefined : a.patientPoints as Types.Point3[] | undefined;
      const image = kind === 'ellipse' ? ellipseHandles(a.points as [number, number][]) : a.points as [number, number][];
      const world = patient ?? image.map((p) => utilities.imageToWorldCoords(imageId, p) as Types.Point3);
      stack.shown.current.add(id);
      hydrate(stack.viewportId, world, { annotationUID: id, referencedImageId: imageId });
      drew = true;
    }
    if (drew) getRenderingEngine(stack.engineId)?.render();
  }, [shared?.items, stack.loaded]);
}
