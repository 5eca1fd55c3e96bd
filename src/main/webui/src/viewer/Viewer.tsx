import { useEffect, useRef, useState } from 'preact/hooks';
import { Enums, RenderingEngine, cache, eventTarget, getRenderingEngine, type Types } from '@cornerstonejs/core';
import {
  ArrowAnnotateTool, LabelTool, PanTool, PlanarFreehandROITool, StackScrollTool,
  ToolGroupManager, WindowLevelTool, ZoomTool, Enums as ToolEnums, utilities as toolUtilities,
} from '@cornerstonejs/tools';
import { instanceOf } from './annotations';
import { SHARED_TOOLS, useSharedAnnotations, type SharedAnnotations } from './sharedAnnotations';
import { t, type Key } from '../shell/i18n';
import { initCornerstone } from './cornerstone';
import { CT_PRESETS, voiRange, windowOf, type PresetName } from './presets';
import { imageIdsOf } from './series';
import { imageSeriesOf, type SeriesInfo } from './dicomweb';
import type { Viewport } from '../live/roomState';

const ENGINE = 'consilium';
const VIEWPORT = 'stack';
const TOOL_GROUP = 'consilium-stack';
/** The shared measurements, then the freehand ROI and the text label (the review room's CT has its own freehand). */
const MEASURE: { name: string; label: Key }[] = [...SHARED_TOOLS,
  { name: PlanarFreehandROITool.toolName, label: 'viewer.tool.freehand' }, { name: LabelTool.toolName, label: 'viewer.tool.text' }];

/** The words an arrow or a text label carries: what the annotation-text field holds when it is drawn. */
let labelText = '';
const withLabel = { getTextCallback: (done: (label: string) => void) => done(labelText.trim() || t('viewer.labelDefault')) };

/**
 * User Timing marks of a series' loading (bench/webui-ohif times them against OHIF): `consilium:viewer:first-image`
 * when the viewport first draws an image of the series, `consilium:viewer:series-cached` when every image of it
 * is decoded in cornerstone's cache (the background prefetch done). Returns what stops listening.
 */
function markLoading(el: HTMLElement, seriesUid: string, ids: string[]): () => void {
  const detail = { seriesUid, images: ids.length };
  const missing = new Set(ids.filter((id) => !cache.isLoaded(id)));
  const onRendered = () => performance.mark('consilium:viewer:first-image', { detail });
  const onLoaded = (e: Event) => {
    missing.delete((e as CustomEvent<{ image: { imageId: string } }>).detail.image.imageId);
    if (missing.size === 0) {
      performance.mark('consilium:viewer:series-cached', { detail });
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOADED, onLoaded);
    }
  };
  el.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered, { once: true });
  if (missing.size === 0) performance.mark('consilium:viewer:series-cached', { detail });
  else eventTarget.addEventListener(Enums.Events.IMAGE_LOADED, onLoaded);
  return () => {
    el.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
    eventTarget.removeEventListener(Enums.Events.IMAGE_LOADED, onLoaded);
  };
}

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
 * Presenter "follow me" (docs/live-protocol.md): the leader's image, slice and window are settled into the
 * room as they change; a follower's viewer shows the presenter's last settled view.
 */
export interface FollowMe {
  leading: boolean;
  view: Viewport | null;
  settle: (view: Viewport) => void;
}

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
    imageSeriesOf(props.studyUid).then((images) => {
      setSeries(images);
      setCurrent(images[0]?.seriesUid ?? null);
    }).catch((e: Error) => setError(e.message));
    // cornerstone (WebGL, the decoding worker) starts while the study's series are asked for, not after
    void initCornerstone();
  }, [props.studyUid]);

  useEffect(() => {
    if (!current || !element.current) return;
    let disposed = false;
    let stopMarks = () => {};
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
      const [, ids] = await Promise.all([initCornerstone(), imageIdsOf(props.studyUid, current)]);
      if (disposed) return;
      imageIds.current = ids;
      shown.current = new Map();
      const engine = getRenderingEngine(ENGINE) ?? new RenderingEngine(ENGINE);
      engine.enableElement({ viewportId: VIEWPORT, type: Enums.ViewportType.STACK, element: el });
      toolGroup().addViewport(VIEWPORT, ENGINE);
      const vp = engine.getViewport(VIEWPORT) as Types.IStackViewport;
      await vp.setStack(ids, Math.floor(ids.length / 2));
      if (disposed) return;
      stopMarks = markLoading(el, current, ids);
      vp.render();
      // the rest of the series is fetched and decoded in the background, nearest slices first, so that
      // scrolling (and a presenter's jump) reads the cache
      toolUtilities.stackPrefetch.enable(el);
      onImage();
      setLoaded((n) => n + 1);
    })().catch((e: Error) => !disposed && setError(e.message));
    el.addEventListener(Enums.Events.STACK_NEW_IMAGE, onImage);
    el.addEventListener(Enums.Events.VOI_MODIFIED, onImage);
    return () => {
      disposed = true;
      stopMarks();
      toolUtilities.stackPrefetch.disable(el);
      el.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onImage);
      el.removeEventListener(Enums.Events.VOI_MODIFIED, onImage);
      ToolGroupManager.getToolGroup(TOOL_GROUP)?.removeViewports(ENGINE, VIEWPORT);
      getRenderingEngine(ENGINE)?.disableElement(VIEWPORT);
    };
  }, [current]);

  useSharedAnnotations({
    engineId: ENGINE, viewportId: VIEWPORT, studyUid: props.studyUid, seriesUid: current, imageIds, shown, loaded,
  }, props.shared);

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
