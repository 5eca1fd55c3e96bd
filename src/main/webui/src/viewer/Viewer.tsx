import { useEffect, useRef, useState } from 'preact/hooks';
import { Enums, RenderingEngine, eventTarget, getRenderingEngine, type Types } from '@cornerstonejs/core';
import {
  AngleTool, ArrowAnnotateTool, EllipticalROITool, LengthTool, PanTool, PlanarFreehandROITool, StackScrollTool,
  ToolGroupManager, WindowLevelTool, ZoomTool, Enums as ToolEnums,
} from '@cornerstonejs/tools';
import { t, type Key } from '../shell/i18n';
import { initCornerstone } from './cornerstone';
import { CT_PRESETS, voiRange, windowOf, type PresetName } from './presets';
import { imageIdsOf, seriesOf, type SeriesInfo } from './series';

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
];

function toolGroup() {
  let group = ToolGroupManager.getToolGroup(TOOL_GROUP);
  if (!group) {
    group = ToolGroupManager.createToolGroup(TOOL_GROUP)!;
    for (const { name } of MEASURE) group.addTool(name);
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
export default function Viewer(props: { studyUid: string }) {
  const element = useRef<HTMLDivElement>(null);
  const [series, setSeries] = useState<SeriesInfo[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [slice, setSlice] = useState({ index: 0, total: 0 });
  const [win, setWin] = useState<{ width: number; level: number } | null>(null);
  const [tool, setTool] = useState(WindowLevelTool.toolName);
  const [error, setError] = useState<string | null>(null);

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
    };
    (async () => {
      await initCornerstone();
      const ids = await imageIdsOf(props.studyUid, current);
      if (disposed) return;
      const engine = getRenderingEngine(ENGINE) ?? new RenderingEngine(ENGINE);
      engine.enableElement({ viewportId: VIEWPORT, type: Enums.ViewportType.STACK, element: el });
      toolGroup().addViewport(VIEWPORT, ENGINE);
      const vp = engine.getViewport(VIEWPORT) as Types.IStackViewport;
      await vp.setStack(ids, Math.floor(ids.length / 2));
      vp.render();
      onImage();
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

  useEffect(() => () => {
    getRenderingEngine(ENGINE)?.destroy();
    ToolGroupManager.destroyToolGroup(TOOL_GROUP);
  }, []);

  const viewport = () => getRenderingEngine(ENGINE)?.getViewport(VIEWPORT) as Types.IStackViewport | undefined;
  const preset = (name: PresetName) => {
    const vp = viewport();
    if (!vp) return;
    vp.setProperties({ voiRange: voiRange(CT_PRESETS[name].width, CT_PRESETS[name].level) });
    vp.render();
    setWin({ ...CT_PRESETS[name] });
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
  void eventTarget;

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
          <span class="sep" />
          <button type="button" onClick={() => scroll(-1)}>{t('viewer.previousSlice')}</button>
          <button type="button" onClick={() => scroll(1)}>{t('viewer.nextSlice')}</button>
        </div>
        <div ref={element} class="canvas" tabIndex={0} aria-label={t('viewer.image')}
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
