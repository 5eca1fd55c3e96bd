import { useEffect, useRef, useState } from 'preact/hooks';
import { Enums, RenderingEngine, getRenderingEngine, metaData, type Types } from '@cornerstonejs/core';
import { PanTool, StackScrollTool, ToolGroupManager, WindowLevelTool, ZoomTool, Enums as ToolEnums } from '@cornerstonejs/tools';
import { initCornerstone } from '../viewer/cornerstone';
import type { FollowMe } from '../viewer/Viewer';
import { SHARED_TOOLS, useSharedAnnotations, type SharedAnnotations } from '../viewer/sharedAnnotations';
import { CT_PRESETS, voiRange, windowOf, type PresetName } from '../viewer/presets';
import { imageIdsOf } from '../viewer/series';
import { t, type Key } from '../shell/i18n';
import type { DoseGrid } from './dose';
import { DoseScale, IsodoseLegend, drawDose, drawStroke } from './overlay';
import { colorOf, planeAt, type Roi } from './geometry';

const ENGINE = 'consilium-rt';
const VIEWPORT = 'rt-axial';
const TOOL_GROUP = 'consilium-rt';

/** One set of ROIs to draw; a comparison draws two, the second dashed. */
export interface Layer { rois: Roi[]; dashed?: boolean }

export interface DoseDisplay {
  mode: 'off' | 'wash' | 'isodose';
  grid: DoseGrid | null;
  levelsGy: number[];
  prescriptionGy: number;
}

/** What a view of the planning CT draws: the series, the ROI layers and how they look. */
export interface CtOverlay {
  studyUid: string;
  seriesUid: string;
  layers: Layer[];
  hidden: Record<number, boolean>;
  filled: boolean;
  opacity: number;
}

export interface RtViewerProps extends CtOverlay {
  dose: DoseDisplay;
  /** a z to show (jump to an ROI); changes of {@code jump.at} move the stack */
  jump?: { z: number; at: number };
  /** while set, a stroke on the image (freehand or a brush's path) is handed over in patient mm on the shown plane */
  onStroke?: (stroke: [number, number][], z: number, sopInstanceUid: string) => void;
  /** a round brush of this radius (mm) is shown at the pointer and along the stroke */
  brushMm?: number;
  onSlice?: (z: number, sopInstanceUid: string) => void;
  /** the room's "follow me": the leader's slice and window are settled into the room, a follower shows them */
  follow?: FollowMe;
  /** the room's measurements, drawn here and sent from here */
  shared?: SharedAnnotations;
}

/** Window/level and the measurements the room shares. */
const MEASURE = SHARED_TOOLS;

function toolGroup() {
  let group = ToolGroupManager.getToolGroup(TOOL_GROUP);
  if (!group) {
    group = ToolGroupManager.createToolGroup(TOOL_GROUP)!;
    for (const name of [...MEASURE.map((m) => m.name), PanTool.toolName, ZoomTool.toolName, StackScrollTool.toolName]) group.addTool(name);
    group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Primary }] });
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Auxiliary }] });
    group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Secondary }] });
    group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Wheel }] });
    for (const { name } of MEASURE.slice(1)) group.setToolPassive(name);
  }
  return group;
}

interface SliceInfo { index: number; total: number; z: number; sop: string }

/** Overlay draws measured (User Timing) per page, enough for a benchmark without growing for ever. */
const OVERLAY_MEASURES = 2000;
let overlayMeasures = 0;

const sopOf = (imageId: string) => /instances\/([^/]+)\/frames/.exec(imageId)?.[1] ?? '';
const zOf = (imageId: string) => {
  const plane = metaData.get('imagePlaneModule', imageId) as { imagePositionPatient?: number[] } | undefined;
  return plane?.imagePositionPatient?.[2] ?? 0;
};

/**
 * The planning CT (axial stack, cornerstone3D over our DICOMweb) with the structure set and the dose drawn
 * on a canvas over it: per ROI in its colour, outline or filled, at the chosen opacity; the dose as a wash
 * or isodose lines. The overlay follows the viewport's camera (worldToCanvas) on every render, so zoom,
 * pan and scroll keep it in place.
 */
export default function RtViewer(props: RtViewerProps) {
  const element = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const stroke = useRef<[number, number][] | null>(null);
  const hover = useRef<[number, number] | null>(null);
  const [slice, setSlice] = useState<SliceInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const zs = useRef<number[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [tool, setTool] = useState(WindowLevelTool.toolName);
  const imageIds = useRef<string[]>([]);
  const shown = useRef(new Map<string, string>());
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const viewport = () => getRenderingEngine(ENGINE)?.getViewport(VIEWPORT) as Types.IStackViewport | undefined;

  const draw = () => {
    const vp = viewport();
    const canvas = overlay.current;
    if (!vp || !canvas) return;
    const imageId = vp.getCurrentImageId();
    if (!imageId) return;
    const started = performance.now();
    const z = zOf(imageId);
    const dpr = globalThis.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const p = latest.current;
    const toCanvas = (x: number, y: number) => vp.worldToCanvas([x, y, z] as Types.Point3);
    let contoursShown = false;
    drawDose(ctx, p.dose, z, toCanvas, dpr);
    for (const layer of p.layers) {
      ctx.setLineDash(layer.dashed ? [6, 4] : []);
      for (const roi of layer.rois) {
        if (p.hidden[roi.number]) continue;
        const plane = planeAt(roi, z);
        if (!plane || plane.polygons.length === 0) continue;
        const path = new Path2D();
        for (const poly of plane.polygons) {
          for (let i = 0; i + 2 < poly.points.length; i += 3) {
            const [cx, cy] = toCanvas(poly.points[i], poly.points[i + 1]);
            if (i === 0) path.moveTo(cx, cy); else path.lineTo(cx, cy);
          }
          path.closePath();
        }
        contoursShown = true;
        const colour = colorOf(roi);
        if (p.filled && !layer.dashed) {
          ctx.globalAlpha = p.opacity * 0.6;
          ctx.fillStyle = colour;
          ctx.fill(path, 'evenodd');
        }
        ctx.globalAlpha = Math.max(0.25, p.opacity);
        ctx.strokeStyle = colour;
        ctx.lineWidth = layer.dashed ? 1.5 : 2;
        ctx.stroke(path);
        ctx.globalAlpha = 1;
      }
    }
    ctx.setLineDash([]);
    drawStroke(ctx, stroke.current, hover.current, p.brushMm, toCanvas);
    // User Timing for bench/rt-browser: the overlay's cost per frame, and when the structure set first shows
    if (overlayMeasures++ < OVERLAY_MEASURES) performance.measure('rt.overlay', { start: started });
    if (contoursShown && performance.getEntriesByName('rt.contours-drawn').length === 0) performance.mark('rt.contours-drawn');
  };

  const onImage = () => {
    const vp = viewport();
    const imageId = vp?.getCurrentImageId();
    if (!vp || !imageId) return;
    const info = { index: vp.getCurrentImageIdIndex(), total: vp.getImageIds().length, z: zOf(imageId), sop: sopOf(imageId) };
    setSlice((old) => (old && old.index === info.index && old.total === info.total ? old : info));
    latest.current.onSlice?.(info.z, info.sop);
    if (latest.current.follow?.leading) {
      clearTimeout(settleTimer.current);
      settleTimer.current = setTimeout(settle, 250);
    }
  };

  /** The leader's slice (by SOP Instance UID) and window into the room. */
  const settle = () => {
    const vp = viewport();
    const imageId = vp?.getCurrentImageId();
    const f = latest.current.follow;
    if (!vp || !imageId || !f?.leading) return;
    const range = vp.getProperties().voiRange;
    const w = range ? windowOf(range) : null;
    f.settle({
      studyUid: latest.current.studyUid, seriesUid: latest.current.seriesUid, sopInstanceUid: sopOf(imageId),
      slice: vp.getCurrentImageIdIndex(), window: w ? { center: w.level, width: w.width } : undefined,
    });
  };

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    let disposed = false;
    const rendered = () => {
      if (performance.getEntriesByName('rt.ct-shown').length === 0) performance.mark('rt.ct-shown');
      draw();
      onImage();
    };
    (async () => {
      await initCornerstone();
      const ids = await imageIdsOf(props.studyUid, props.seriesUid);
      if (disposed) return;
      const engine = getRenderingEngine(ENGINE) ?? new RenderingEngine(ENGINE);
      engine.enableElement({ viewportId: VIEWPORT, type: Enums.ViewportType.STACK, element: el });
      toolGroup().addViewport(VIEWPORT, ENGINE);
      const vp = engine.getViewport(VIEWPORT) as Types.IStackViewport;
      zs.current = ids.map(zOf);
      imageIds.current = ids;
      await vp.setStack(ids, Math.floor(ids.length / 2));
      vp.setProperties({ voiRange: voiRange(CT_PRESETS.mediastinum.width, CT_PRESETS.mediastinum.level) });
      vp.render();
      setLoaded(true);
    })().catch((e: Error) => !disposed && setError(e.message));
    el.addEventListener(Enums.Events.IMAGE_RENDERED, rendered);
    const resize = new ResizeObserver(() => {
      getRenderingEngine(ENGINE)?.resize(true, true);
      draw();
    });
    resize.observe(el);
    return () => {
      disposed = true;
      clearTimeout(settleTimer.current);
      resize.disconnect();
      el.removeEventListener(Enums.Events.IMAGE_RENDERED, rendered);
      ToolGroupManager.destroyToolGroup(TOOL_GROUP);
      getRenderingEngine(ENGINE)?.destroy();
    };
  }, [props.studyUid, props.seriesUid]);

  // what is drawn changed: draw again without re-rendering the CT
  useEffect(draw, [props.layers, props.hidden, props.filled, props.opacity, props.dose]);

  useEffect(() => {
    const vp = viewport();
    if (!props.jump || !vp || zs.current.length === 0) return;
    let best = 0;
    zs.current.forEach((z, i) => {
      if (Math.abs(z - props.jump!.z) < Math.abs(zs.current[best] - props.jump!.z)) best = i;
    });
    void vp.setImageIdIndex(best);
  }, [props.jump?.at]);

  useSharedAnnotations({
    engineId: ENGINE, viewportId: VIEWPORT, studyUid: props.studyUid, seriesUid: props.seriesUid, imageIds, shown, loaded,
  }, props.shared);

  // the leader's view goes to the room as soon as follow-me starts
  useEffect(() => {
    if (loaded && props.follow?.leading) settle();
  }, [props.follow?.leading, loaded]);

  // a follower shows the presenter's slice and window
  const led = props.follow && !props.follow.leading ? props.follow.view : null;
  useEffect(() => {
    const vp = viewport();
    if (!led || !vp || !loaded || (led.seriesUid && led.seriesUid !== props.seriesUid)) return;
    const ids = vp.getImageIds();
    const bySop = led.sopInstanceUid ? ids.findIndex((id) => sopOf(id) === led.sopInstanceUid) : -1;
    const index = bySop >= 0 ? bySop : led.slice;
    if (led.window) vp.setProperties({ voiRange: voiRange(led.window.width, led.window.center) });
    if (index != null && index >= 0 && index < ids.length && index !== vp.getCurrentImageIdIndex()) {
      void vp.setImageIdIndex(index);
    } else {
      vp.render();
    }
  }, [led, loaded]);

  const scroll = (delta: number) => {
    const vp = viewport();
    if (!vp) return;
    void vp.setImageIdIndex(Math.max(0, Math.min(vp.getImageIds().length - 1, vp.getCurrentImageIdIndex() + delta)));
  };
  const choose = (name: string) => {
    const group = toolGroup();
    group.setToolPassive(tool);
    group.setToolActive(name, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Primary }] });
    setTool(name);
  };
  const preset = (name: PresetName) => {
    const vp = viewport();
    if (!vp) return;
    vp.setProperties({ voiRange: voiRange(CT_PRESETS[name].width, CT_PRESETS[name].level) });
    vp.render();
    if (latest.current.follow?.leading) settle();
  };
  const world = (e: PointerEvent): [number, number] | null => {
    const vp = viewport();
    const canvas = overlay.current;
    if (!vp || !canvas) return null;
    const box = canvas.getBoundingClientRect();
    const w = vp.canvasToWorld([e.clientX - box.left, e.clientY - box.top] as Types.Point2);
    return [w[0], w[1]];
  };
  const drawing = !!props.onStroke;

  return (
    <div class="rtviewer">
      <div class="toolbar" role="toolbar" aria-label={t('viewer.tools')}>
        {(Object.keys(CT_PRESETS) as PresetName[]).map((p) => (
          <button type="button" onClick={() => preset(p)}>{t(`viewer.preset.${p}` as Key)}</button>
        ))}
        <span class="sep" />
        {MEASURE.map((m) => (
          <button type="button" aria-pressed={tool === m.name} onClick={() => choose(m.name)}>{t(m.label)}</button>
        ))}
        <span class="sep" />
        <button type="button" onClick={() => scroll(-1)}>{t('viewer.previousSlice')}</button>
        <button type="button" onClick={() => scroll(1)}>{t('viewer.nextSlice')}</button>
      </div>
      <div class="rtstage">
        <div ref={element} class="canvas" tabIndex={0} role="application" aria-label={t('rt.viewer.image')}
          onKeyDown={(e) => {
            if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') { e.preventDefault(); scroll(-1); }
            if (e.key === 'ArrowDown' || e.key === 'ArrowRight') { e.preventDefault(); scroll(1); }
          }}
          onContextMenu={(e) => e.preventDefault()} />
        <canvas ref={overlay} class={drawing ? 'overlay drawing' : 'overlay'} aria-label={t('rt.viewer.drawArea')}
          role={drawing ? 'application' : undefined}
          onPointerDown={(e) => {
            if (!drawing || e.button !== 0) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            const p = world(e);
            stroke.current = p ? [p] : [];
          }}
          onPointerMove={(e) => {
            if (!drawing) return;
            const p = world(e);
            hover.current = p;
            if (p && stroke.current) stroke.current.push(p);
            if (stroke.current || props.brushMm) draw();
          }}
          onPointerLeave={() => {
            hover.current = null;
            draw();
          }}
          onPointerUp={() => {
            const s = stroke.current;
            stroke.current = null;
            const vp = viewport();
            const imageId = vp?.getCurrentImageId();
            if (s && s.length > 0 && imageId) latest.current.onStroke?.(s, zOf(imageId), sopOf(imageId));
            draw();
          }}
          onWheel={(e) => {
            if (!drawing) return;
            e.preventDefault();
            scroll(e.deltaY > 0 ? 1 : -1);
          }} />
      </div>
      <p class="status" role="status">
        {slice && t('rt.viewer.slice', { n: slice.index + 1, total: slice.total, z: slice.z.toFixed(2) })}
      </p>
      {props.dose.mode === 'wash' && props.dose.grid && <DoseScale max={props.dose.grid.max} />}
      {props.dose.mode === 'isodose' && props.dose.grid && <IsodoseLegend levels={props.dose.levelsGy} rx={props.dose.prescriptionGy} />}
      {error && <p role="alert" class="error">{error}</p>}
    </div>
  );
}
