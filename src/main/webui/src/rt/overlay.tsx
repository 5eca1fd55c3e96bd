import type { Types } from '@cornerstonejs/core';
import { t } from '../shell/i18n';
import { isodoseColor, isodoseSegments, planeAtZ, washPixels } from './dose';
import type { DoseDisplay } from './RtViewer';

/*
 * What the review room's CT draws over the image besides the contours: the dose (a colour wash or isodose
 * lines, with their scale or legend) and the stroke being drawn, all through the viewport's worldToCanvas.
 */

/**
 * The stroke being drawn: a thin white line for freehand; for a brush, the band it sweeps (translucent,
 * as wide as the brush) and its rim at the pointer.
 */
export function drawStroke(ctx: CanvasRenderingContext2D, stroke: [number, number][] | null, hover: [number, number] | null,
  brushMm: number | undefined, toCanvas: (x: number, y: number) => Types.Point2) {
  const line = (points: [number, number][]) => {
    ctx.beginPath();
    points.forEach(([x, y], i) => {
      const [cx, cy] = toCanvas(x, y);
      if (i === 0) ctx.moveTo(cx, cy); else ctx.lineTo(cx, cy);
    });
  };
  if (!brushMm) {
    if (!stroke || stroke.length < 2) return;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    line(stroke);
    ctx.stroke();
    return;
  }
  const anchor = stroke?.[0] ?? hover;
  if (!anchor) return;
  const [ax, ay] = toCanvas(anchor[0], anchor[1]);
  const [bx, by] = toCanvas(anchor[0] + brushMm, anchor[1]);
  const radius = Math.hypot(bx - ax, by - ay);
  if (stroke && stroke.length > 0) {
    ctx.save();
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.35)';
    ctx.lineWidth = 2 * radius;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    line(stroke.length > 1 ? stroke : [stroke[0], stroke[0]]);
    ctx.stroke();
    ctx.restore();
  }
  const at = hover ?? anchor;
  const [hx, hy] = toCanvas(at[0], at[1]);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.arc(hx, hy, radius, 0, 2 * Math.PI);
  ctx.stroke();
}

const WASH_FLOOR = 0.1;

export function drawDose(ctx: CanvasRenderingContext2D, dose: DoseDisplay, z: number,
  toCanvas: (x: number, y: number) => Types.Point2, dpr: number) {
  const grid = dose.grid;
  if (dose.mode === 'off' || !grid) return;
  const plane = planeAtZ(grid, z);
  if (!plane) return;
  const [ox, oy] = grid.origin;
  const p0 = toCanvas(ox, oy);
  const px = toCanvas(ox + grid.dx, oy);
  const py = toCanvas(ox, oy + grid.dy);
  ctx.save();
  // grid pixel (column, row) centre → canvas: the affine map of the viewport's camera
  ctx.setTransform(dpr * (px[0] - p0[0]), dpr * (px[1] - p0[1]), dpr * (py[0] - p0[0]), dpr * (py[1] - p0[1]), dpr * p0[0], dpr * p0[1]);
  if (dose.mode === 'wash') {
    const image = new ImageData(washPixels(plane, grid.max * WASH_FLOOR, grid.max, 0.45), grid.columns, grid.rows);
    const off = new OffscreenCanvas(grid.columns, grid.rows);
    off.getContext('2d')!.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, -0.5, -0.5);
  } else {
    const scale = Math.hypot(px[0] - p0[0], px[1] - p0[1]) || 1;
    ctx.lineWidth = 1.5 / scale;
    for (const level of dose.levelsGy) {
      ctx.strokeStyle = isodoseColor(level, dose.prescriptionGy);
      ctx.beginPath();
      for (const [x1, y1, x2, y2] of isodoseSegments(plane, grid.columns, grid.rows, level)) {
        ctx.moveTo(x1, y1);
        ctx.lineTo(x2, y2);
      }
      ctx.stroke();
    }
  }
  ctx.restore();
}

export function DoseScale(props: { max: number }) {
  return (
    <div class="dosescale" aria-label={t('rt.dose.scale')}>
      <span>{(props.max * WASH_FLOOR).toFixed(1)} Gy</span>
      <span class="ramp" />
      <span>{props.max.toFixed(1)} Gy</span>
    </div>
  );
}

export function IsodoseLegend(props: { levels: number[]; rx: number }) {
  return (
    <ul class="isolegend" aria-label={t('rt.dose.isodoseLegend')}>
      {props.levels.map((l) => (
        <li><span style={{ background: isodoseColor(l, props.rx) }} />{l.toFixed(1)} Gy
          {props.rx > 0 ? ` (${Math.round((l / props.rx) * 100)}%)` : ''}</li>
      ))}
    </ul>
  );
}
