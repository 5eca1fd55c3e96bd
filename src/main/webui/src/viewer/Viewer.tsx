import { useEffect, useRef, useState } from 'preact/hooks';
import {
  Enums, RenderingEngine, eventTarget, getEnabledElementByViewportId, getRenderingEngine, metaData, utilities, type Types,
} from '@cornerstonejs/core';
import {
  AngleTool, ArrowAnnotateTool, EllipticalROITool, LabelTool, LengthTool, PanTool, PlanarFreehandROITool, StackScrollTool,
  ToolGroupManager, WindowLevelTool, ZoomTool, annotation as csAnnotation, Enums as ToolEnums,
} from '@cornerstonejs/tools';
import {
  TOOL_OF_KIND, ellipseCorners, ellipseHandles, instanceOf, kindOfTool, protocolPoints, shapeOf, type Kind,
  type ProtocolAnnotation,
} from './annotations';
import { t, type Key } from '../shell/i18n';
import { initCornerstone } from './cornerstone';
import { CT_PRESETS, voiRange, windowOf, type PresetName } from './presets';
import { imageIdsOf, seriesOf, type SeriesInfo } from './series';
import type { Viewport } from '../live/roomState';

const ENGINE = 'consilium';
const VIEWPORT = 'stack';
const TOOL_GROUP = 'consilium-stack';
const MEASURE: { name: string; label: Key }[] = [
  { name: WindowLevelTool.toolName, label: 'viewer.tool.windowLevel' },
  { name: LengthTool.toolName, label: 'viewer.tool.length' },
  { name: AngleTool.toolName, label: 'viewer.tool.angle' },
  { name: EllipticalROITool.toolName, label: 'viewer.tool.ellipse' },
  { name: PlanarFreehandROITool.toolName, label: 'viewer.tool.freehand' },
  { name: ArrowAnnotateTool.toolName, label: 'viewer.tool.arrow' },
  { name: LabelTool.toolName, label: 'viewer.tool.text' },
];

/** The words an arrow or a text label carries: what the annotation-text field holds when it is drawn. */
let labelText = '';
const withLabel = { getTextCallback: (done: (label: string) => void) => done(labelText.trim() || t('viewer.labelDefault')) };

function toolGroup() {
  let group = ToolGroupManager.getToolGroup(TOOL_GROUP);
  if (!group) {
    group = ToolGroupManager.createToolGroup(TOOL_GROUP)!;
    for (const { name } of MEASURE) {
      group.addTool(name, name === ArrowAnnotateTool.toolName || name === LabelTool.toolName ? withLabel : {});
    }
    group.addTool(PanTool.toolName);
    group.addTool(ZoomTool.toolName);
    group.addTool(StackScrollTool.toolName);
    group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Primary }] });
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Auxiliary }] });
    group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Secondary }] });
    group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Wheel }] });
    for (const { name } of MEASURE.slice(1)) group.setToolPassive(name);
  }
  return group;
}

/**
 * A stack viewer on one study from our DICOMweb: series list, stack scroll (wheel, arrow keys), window and
 * level with CT presets, zoom and pan, and measurements in patient mm where the images carry pixel spacing.
 * One rendering engine for the page, tools registered once, the viewport created and destroyed with this
 * component.
 */
/**
 * The room's annotations, how to publish one drawn here, and which ones this user is editing now (they
 * hold its lease): only those can be moved here, and each change of them goes to the room as an update.
 * Absent outside a room.
 */
export interface SharedAnnotations {
  items: Record<string, Record<string, unknown>>;
  publish: (a: ProtocolAnnotation) => void;
  editing: string[];
  update: (a: ProtocolAnnotation) => void;
}

/**
 * Presenter "follow me" (docs/live-protocol.md): the leader's image, slice and window are settled into the
 * room as they change; a follower's viewer shows the presenter's last settled view.
 */
export interface FollowMe {
  leading: boolean;
  view: Viewport | null;
  settle: (view: Viewport) => void;
}

type Hydrate = (viewportId: string, points: Types.Point3[], options?: { annotationUID?: string; referencedImageId?: string }) => unknown;
const HYDRATE: Record<Kind, Hydrate> = {
  line: LengthTool.hydrate as Hydrate,
  angle: AngleTool.hydrate as Hydrate,
  arrow: ((vp, points, options) => (ArrowAnnotateTool.hydrate as unknown as (v: string, p: Types.Point3[], l: string, o?: object) => unknown)(vp, points, '', options)) as Hydrate,
  ellipse: EllipticalROITool.hydrate as Hydrate,
  polygon: hydrateFreehand,
  text: ((vp, points, options) => LabelTool.hydrate(vp, points[0], '', options)) as Hydrate,
};

/** cornerstone has no hydrate for a freehand ROI: its closed outline is built as the tool builds it. */
function hydrateFreehand(viewportId: string, points: Types.Point3[], options?: { annotationUID?: string; referencedImageId?: string }) {
  const enabled = getEnabledElementByViewportId(viewportId);
  if (!enabled) return;
  const a = PlanarFreehandROITool.createAnnotation({
    annotationUID: options?.annotationUID,
    highlighted: false,
    metadata: {
      toolName: PlanarFreehandROITool.toolName, referencedImageId: options?.referencedImageId,
      FrameOfReferenceUID: enabled.viewport.getFrameOfReferenceUID(),
    },
  });
  Object.assign(a.data, { contour: { polyline: points.map((p) => [...p]), closed: true } });
  Object.assign(a, { interpolationUID: '', autoGenerated: false });
  csAnnotation.state.addAnnotation(a, enabled.viewport.element);
}

type Drawn = { annotationUID: string; metadata: { toolName?: string; referencedImageId?: string };
  data: { handles: { points: Types.Point3[] }; contour?: { polyline: Types.Point3[] }; label?: string } };

/** The series of a WADO-RS image id (…/series/{uid}/instances/…). */
const seriesOfImage = (imageId: string) => imageId.match(/\/series\/([0-9.]+)\//)?.[1];

export default function Viewer(props: { studyUid: string; shared?: SharedAnnotations; follow?: FollowMe }) {
  const element = useRef<HTMLDivElement>(null);
  const follow = useRef(props.follow);
  follow.current = props.follow;
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const imageIds = useRef<string[]>([]);
  /** The room's annotations drawn on this viewer, by id, with the shape they were drawn with. */
  const shown = useRef(new Map<string, string>());
  const shared = useRef(props.shared);
  shared.current = props.shared;
  const [loaded, setLoaded] = useState(0);
  const [series, setSeries] = useState<SeriesInfo[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [slice, setSlice] = useState({ index: 0, total: 0 });
  const [win, setWin] = useState<{ width: number; level: number } | null>(null);
  const [tool, setTool] = useState(WindowLevelTool.toolName);
  const [error, setError] = useState<string | null>(null);
  const [label, setLabel] = useState(labelText);

  useEffect(() => {
    seriesOf(props.studyUid).then((s) => {
      const images = s.filter((x) => !['RTSTRUCT', 'RTPLAN', 'RTDOSE', 'SR', 'PR', 'DOC'].includes(x.modality ?? ''));
      setSeries(images);
      setCurrent(images[0]?.seriesUid ?? null);
    }).catch((e: Error) => setError(e.message));
  }, [props.studyUid]);

  useEffect(() => {
    if (!current || !element.current) return;
    let disposed = false;
    const el = element.current;
    const onImage = () => {
      const vp = viewport();
      if (!vp) return;
      setSlice({ index: vp.getCurrentImageIdIndex(), total: vp.getImageIds().length });
      const range = vp.getProperties().voiRange;
      if (range) setWin(windowOf(range));
      if (follow.current?.leading) {
        clearTimeout(settleTimer.current);
        settleTimer.current = setTimeout(settle, 250);
      }
    };
    (async () => {
      await initCornerstone();
      const ids = await imageIdsOf(props.studyUid, current);
      if (disposed) return;
      imageIds.current = ids;
      shown.current = new Map();
      const engine = getRenderingEngine(ENGINE) ?? new RenderingEngine(ENGINE);
      engine.enableElement({ viewportId: VIEWPORT, type: Enums.ViewportType.STACK, element: el });
      toolGroup().addViewport(VIEWPORT, ENGINE);
      const vp = engine.getViewport(VIEWPORT) as Types.IStackViewport;
      await vp.setStack(ids, Math.floor(ids.length / 2));
      vp.render();
      onImage();
      setLoaded((n) => n + 1);
    })().catch((e: Error) => !disposed && setError(e.message));
    el.addEventListener(Enums.Events.STACK_NEW_IMAGE, onImage);
    el.addEventListener(Enums.Events.VOI_MODIFIED, onImage);
    return () => {
      disposed = true;
      el.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onImage);
      el.removeEventListener(Enums.Events.VOI_MODIFIED, onImage);
      ToolGroupManager.getToolGroup(TOOL_GROUP)?.removeViewports(ENGINE, VIEWPORT);
      getRenderingEngine(ENGINE)?.disableElement(VIEWPORT);
    };
  }, [current]);

  /** A cornerstone annotation as the room protocol carries it (docs/live-protocol.md, "Annotation"). */
  function toProtocol(a: Drawn): ProtocolAnnotation | null {
    const kind = kindOfTool(a.metadata?.toolName ?? '');
    const imageId = a.metadata?.referencedImageId;
    const where = imageId ? instanceOf(imageId) : null;
    const seriesUid = imageId ? seriesOfImage(imageId) ?? current : current;
    if (!kind || !imageId || !where || !seriesUid) return null;
    const world = protocolPoints(kind, a.data.handles.points ?? [], a.data.contour?.polyline);
    if (world.length === 0) return null;
    const plane = metaData.get('imagePlaneModule', imageId) as { rowPixelSpacing?: number; columnPixelSpacing?: number } | undefined;
    const image = world.map((p) => utilities.worldToImageCoords(imageId, p) as [number, number]);
    const text = kind === 'text' || kind === 'arrow' ? (a.data.label ?? '').trim() : '';
    return {
      id: a.annotationUID, kind,
      ref: {
        studyUid: props.studyUid, seriesUid, ...where,
        pixelSpacing: plane?.rowPixelSpacing && plane.columnPixelSpacing ? [plane.rowPixelSpacing, plane.columnPixelSpacing] : undefined,
      },
      // an ellipse travels as its bounding box; its patient points would be its axis ends, so none are sent
      points: kind === 'ellipse' ? ellipseCorners(image) : image,
      patientPoints: kind === 'ellipse' ? undefined : world.map((p) => [p[0], p[1], p[2]] as [number, number, number]),
      text: text || undefined,
    };
  }

  // an annotation drawn here goes to the room (and is locked until its lease is taken); one this user is
  // editing sends each change of its handles or words
  useEffect(() => {
    if (!props.shared) return;
    const completed = (evt: Event) => {
      const a = (evt as CustomEvent).detail?.annotation as Drawn | undefined;
      if (!a || !current || shown.current.has(a.annotationUID)) return;
      const p = toProtocol(a);
      if (!p) return;
      shown.current.set(a.annotationUID, shapeOf(p));
      csAnnotation.locking.setAnnotationLocked(a.annotationUID, true);
      performance.mark(`consilium:annotation:sent:${p.id}`); // timed by bench/webui
      shared.current?.publish(p);
    };
    const modified = (evt: Event) => {
      const detail = (evt as CustomEvent).detail as { annotation?: Drawn; changeType?: string } | undefined;
      const a = detail?.annotation;
      const change = detail?.changeType;
      if (!a || !shared.current?.editing.includes(a.annotationUID)) return;
      if (change && change !== ToolEnums.ChangeTypes.HandlesUpdated && change !== ToolEnums.ChangeTypes.LabelChange) return;
      const p = toProtocol(a);
      if (!p) return;
      shown.current.set(a.annotationUID, shapeOf(p));
      shared.current.update(p);
    };
    eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, completed);
    eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_MODIFIED, modified);
    return () => {
      eventTarget.removeEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, completed);
      eventTarget.removeEventListener(ToolEnums.Events.ANNOTATION_MODIFIED, modified);
    };
  }, [!props.shared, current]);

  // the room's annotations appear here, on their image, with cornerstone's own tools; one changed by someone
  // else is drawn again; only those this user holds the lease of can be moved
  const editing = props.shared?.editing ?? [];
  useEffect(() => {
    if (!props.shared) return;
    const items = props.shared.items;
    let drew = false;
    for (const [id, a] of Object.entries(items)) {
      const shape = shapeOf(a);
      const mine = editing.includes(id);
      if (shown.current.get(id) !== shape && !mine) {
        const ref = a.ref as ProtocolAnnotation['ref'] | undefined;
        const kind = a.kind as Kind;
        if (!ref || !(kind in TOOL_OF_KIND)) continue;
        const imageId = imageIds.current.find((i) => {
          const at = instanceOf(i);
          return at?.sopInstanceUid === ref.sopInstanceUid && at.frame === (ref.frame ?? 1);
        });
        if (!imageId) continue;
        const patient = kind === 'ellipse' ? undefined : a.patientPoints as Types.Point3[] | undefined;
        const image = kind === 'ellipse' ? ellipseHandles(a.points as [number, number][]) : a.points as [number, number][];
        const world = patient ?? image.map((p) => utilities.imageToWorldCoords(imageId, p) as Types.Point3);
        if (csAnnotation.state.getAnnotation(id)) csAnnotation.state.removeAnnotation(id);
        HYDRATE[kind](VIEWPORT, world, { annotationUID: id, referencedImageId: imageId });
        const drawn = csAnnotation.state.getAnnotation(id) as unknown as Drawn | undefined;
        if (drawn && typeof a.text === 'string' && (kind === 'arrow' || kind === 'text')) drawn.data.label = a.text;
        shown.current.set(id, shape);
        drew = true;
        performance.mark(`consilium:annotation:drawn:${id}`); // timed by bench/webui
      }
      if (csAnnotation.state.getAnnotation(id) && csAnnotation.locking.isAnnotationLocked(id) === mine) {
        csAnnotation.locking.setAnnotationLocked(id, !mine);
        drew = true;
      }
    }
    if (drew) getRenderingEngine(ENGINE)?.render();
  }, [props.shared?.items, editing.join(','), loaded]);

  useEffect(() => () => {
    getRenderingEngine(ENGINE)?.destroy();
    ToolGroupManager.destroyToolGroup(TOOL_GROUP);
  }, []);

  const viewport = () => getRenderingEngine(ENGINE)?.getViewport(VIEWPORT) as Types.IStackViewport | undefined;

  /** The view shown now, as the room's protocol carries it. */
  function currentView(): Viewport | null {
    const vp = viewport();
    if (!vp || !current) return null;
    const index = vp.getCurrentImageIdIndex();
    const range = vp.getProperties().voiRange;
    const w = range ? windowOf(range) : null;
    return {
      studyUid: props.studyUid, seriesUid: current, sopInstanceUid: instanceOf(vp.getImageIds()[index] ?? '')?.sopInstanceUid,
      slice: index, window: w ? { center: w.level, width: w.width } : undefined,
    };
  }

  function settle() {
    const view = currentView();
    if (view && follow.current?.leading) follow.current.settle(view);
  }

  // the leader's view goes to the room as soon as follow-me starts
  useEffect(() => {
    if (props.follow?.leading) settle();
  }, [props.follow?.leading, loaded]);

  // a follower shows the presenter's series, slice and window
  const led = props.follow && !props.follow.leading ? props.follow.view : null;
  useEffect(() => {
    if (!led) return;
    if (led.seriesUid && led.seriesUid !== current && series.some((s) => s.seriesUid === led.seriesUid)) {
      setCurrent(led.seriesUid);
      return;
    }
    const vp = viewport();
    if (!vp || imageIds.current.length === 0 || (led.seriesUid && led.seriesUid !== current)) return;
    const bySop = led.sopInstanceUid ? imageIds.current.findIndex((i) => instanceOf(i)?.sopInstanceUid === led.sopInstanceUid) : -1;
    const index = bySop >= 0 ? bySop : led.slice;
    if (led.window) vp.setProperties({ voiRange: voiRange(led.window.width, led.window.center) });
    if (index != null && index >= 0 && index < imageIds.current.length && index !== vp.getCurrentImageIdIndex()) {
      void vp.setImageIdIndex(index);
    } else {
      vp.render();
    }
    if (led.window) setWin({ width: led.window.width, level: led.window.center });
  }, [led, loaded, series]);
  const preset = (name: PresetName) => {
    const vp = viewport();
    if (!vp) return;
    vp.setProperties({ voiRange: voiRange(CT_PRESETS[name].width, CT_PRESETS[name].level) });
    vp.render();
    setWin({ ...CT_PRESETS[name] });
    if (follow.current?.leading) settle();
  };
  const scroll = async (delta: number) => {
    const vp = viewport();
    if (!vp) return;
    const next = Math.max(0, Math.min(vp.getImageIds().length - 1, vp.getCurrentImageIdIndex() + delta));
    await vp.setImageIdIndex(next);
  };
  const choose = (name: string) => {
    const group = toolGroup();
    group.setToolPassive(tool);
    group.setToolActive(name, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Primary }] });
    setTool(name);
  };

  return (
    <section class="viewer" aria-label={t('viewer.title')}>
      <aside class="series" aria-label={t('viewer.series')}>
        <ul>
          {series.map((s) => (
            <li key={s.seriesUid}>
              <button type="button" aria-pressed={s.seriesUid === current} onClick={() => setCurrent(s.seriesUid)}>
                {[s.modality, s.description].filter(Boolean).join(' · ') || s.seriesUid}
                <span class="muted"> {t('viewer.images', { n: s.instances ?? 0 })}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div class="stage">
        <div class="toolbar" role="toolbar" aria-label={t('viewer.tools')}>
          {(Object.keys(CT_PRESETS) as PresetName[]).map((p) => (
            <button type="button" onClick={() => preset(p)}>{t(`viewer.preset.${p}` as Key)}</button>
          ))}
          <span class="sep" />
          {MEASURE.map((m) => (
            <button type="button" aria-pressed={tool === m.name} onClick={() => choose(m.name)}>{t(m.label)}</button>
          ))}
          <label class="field inline">
            {t('viewer.labelText')}
            <input type="text" maxLength={200} value={label} onInput={(e) => { labelText = e.currentTarget.value; setLabel(labelText); }} />
          </label>
          <span class="sep" />
          <button type="button" onClick={() => scroll(-1)}>{t('viewer.previousSlice')}</button>
          <button type="button" onClick={() => scroll(1)}>{t('viewer.nextSlice')}</button>
        </div>
        <div ref={element} class="canvas" tabIndex={0} role="application" aria-label={t('viewer.image')}
          onKeyDown={(e) => {
            if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') { e.preventDefault(); scroll(-1); }
            if (e.key === 'ArrowDown' || e.key === 'ArrowRight') { e.preventDefault(); scroll(1); }
          }}
          onContextMenu={(e) => e.preventDefault()} />
        <p class="status" role="status">
          {slice.total > 0 && t('viewer.slice', { n: slice.index + 1, total: slice.total })}
          {win && ` · ${t('viewer.window', { w: Math.round(win.width), l: Math.round(win.level) })}`}
        </p>
        {error && <p role="alert" class="error">{error}</p>}
      </div>
    </section>
  );
}
