import { useEffect, useRef, useState } from 'preact/hooks';
import { imageLoader, metaData } from '@cornerstonejs/core';
import { initCornerstone } from '../viewer/cornerstone';
import { imageIdsOf } from '../viewer/series';
import { CT_PRESETS } from '../viewer/presets';
import { t } from '../shell/i18n';
import { colorOf } from './geometry';
import { reslice, roiCut, windowed, type AxialSlice, type Orientation } from './reslice';
import type { CtOverlay } from './RtViewer';

interface Props extends CtOverlay {
  /** x and y (mm) to cut at; changes of {@code at} move both planes there (jump to an ROI) */
  centre?: { x: number; y: number; at: number };
}

/** The CT's slices in HU, read through cornerstone's image loader (and its cache), ascending z. */
async function loadSlices(studyUid: string, seriesUid: string): Promise<AxialSlice[]> {
  await initCornerstone();
  const ids = await imageIdsOf(studyUid, seriesUid);
  const slices = await Promise.all(ids.map(async (id) => {
    const image = await imageLoader.loadAndCacheImage(id);
    const plane = metaData.get('imagePlaneModule', id) as { imagePositionPatient: number[]; rowPixelSpacing: number; columnPixelSpacing: number };
    const raw = image.getPixelData();
    const slope = image.slope ?? 1;
    const intercept = image.intercept ?? 0;
    const pixels = new Float32Array(raw.length);
    for (let k = 0; k < raw.length; k++) pixels[k] = raw[k] * slope + intercept;
    return {
      origin: plane.imagePositionPatient as [number, number, number], dx: plane.columnPixelSpacing, dy: plane.rowPixelSpacing,
      columns: image.columns, rows: image.rows, pixels,
    };
  }));
  return slices.sort((a, b) => a.origin[2] - b.origin[2]);
}

/**
 * Sagittal and coronal reconstructions of the planning CT with the structure set cut on them: each contour
 * plane's inside intervals on the cutting line, one slice thick (docs/review-metrics.md: a contour stands
 * for its slab; nothing is interpolated between planes).
 */
export default function Reconstructions(props: Props) {
  const [slices, setSlices] = useState<AxialSlice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [x, setX] = useState(0);
  const [y, setY] = useState(0);
  useEffect(() => {
    loadSlices(props.studyUid, props.seriesUid).then((s) => {
      setSlices(s);
      const f = s[0];
      if (f) {
        setX(f.origin[0] + (f.columns * f.dx) / 2);
        setY(f.origin[1] + (f.rows * f.dy) / 2);
      }
    }).catch((e: Error) => setError(e.message));
  }, [props.studyUid, props.seriesUid]);
  useEffect(() => {
    if (props.centre) {
      setX(props.centre.x);
      setY(props.centre.y);
    }
  }, [props.centre?.at]);
  if (error) return <p role="alert" class="error">{error}</p>;
  if (!slices) return <p aria-busy="true">{t('rt.mpr.loading')}</p>;
  const f = slices[0];
  return (
    <div class="grid2">
      <Plane {...props} slices={slices} orientation="sagittal" at={x} onMove={setX}
        min={f.origin[0]} max={f.origin[0] + (f.columns - 1) * f.dx} step={f.dx} />
      <Plane {...props} slices={slices} orientation="coronal" at={y} onMove={setY}
        min={f.origin[1]} max={f.origin[1] + (f.rows - 1) * f.dy} step={f.dy} />
    </div>
  );
}

function Plane(props: Props & {
  slices: AxialSlice[]; orientation: Orientation; at: number; onMove: (v: number) => void; min: number; max: number; step: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const r = reslice(props.slices, props.orientation, props.at);
    if (!c || !r) return;
    // pixels are mm-true: one canvas unit per mm across and down
    const widthMm = r.width * r.across;
    const heightMm = r.height * r.down;
    const scale = Math.min(c.clientWidth / widthMm, 360 / heightMm);
    c.width = Math.round(widthMm * scale);
    c.height = Math.round(heightMm * scale);
    const ctx = c.getContext('2d')!;
    const off = new OffscreenCanvas(r.width, r.height);
    const { width, level } = CT_PRESETS.mediastinum;
    off.getContext('2d')!.putImageData(new ImageData(windowed(r, width, level), r.width, r.height), 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, 0, 0, c.width, c.height);
    const u = (v: number) => ((v - r.start) / r.across + 0.5) * r.across * scale;
    const w = (z: number) => ((r.top - z) / r.down + 0.5) * r.down * scale;
    for (const layer of props.layers) {
      ctx.setLineDash(layer.dashed ? [4, 3] : []);
      for (const roi of layer.rois) {
        if (props.hidden[roi.number]) continue;
        ctx.strokeStyle = colorOf(roi);
        ctx.fillStyle = colorOf(roi);
        for (const { z, intervals } of roiCut(roi, props.orientation, props.at)) {
          for (const [a, b] of intervals) {
            const x0 = u(a);
            const x1 = u(b);
            const y0 = w(z + r.down / 2);
            const y1 = w(z - r.down / 2);
            if (props.filled && !layer.dashed) {
              ctx.globalAlpha = props.opacity * 0.6;
              ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
            ctx.globalAlpha = Math.max(0.25, props.opacity);
            ctx.lineWidth = 1.5;
            ctx.beginPath();
            ctx.moveTo(x0, y0);
            ctx.lineTo(x0, y1);
            ctx.moveTo(x1, y0);
            ctx.lineTo(x1, y1);
            ctx.stroke();
            ctx.globalAlpha = 1;
          }
        }
      }
    }
    ctx.setLineDash([]);
  }, [props.slices, props.orientation, props.at, props.layers, props.hidden, props.filled, props.opacity]);
  const name = t(props.orientation === 'sagittal' ? 'rt.mpr.sagittal' : 'rt.mpr.coronal');
  return (
    <figure class="mpr">
      <canvas ref={canvas} role="img" aria-label={name} />
      <figcaption>
        <label class="field">
          {t(props.orientation === 'sagittal' ? 'rt.mpr.atX' : 'rt.mpr.atY', { mm: props.at.toFixed(1) })}
          <input type="range" min={props.min} max={props.max} step={props.step} value={props.at}
            onInput={(e) => props.onMove(Number(e.currentTarget.value))} />
        </label>
      </figcaption>
    </figure>
  );
}
