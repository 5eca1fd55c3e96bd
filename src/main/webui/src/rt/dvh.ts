/**
 * DVH curves as uPlot draws them: one shared dose axis (bins of the server's width, from 0 Gy) and per ROI
 * the cumulative volume in % of the ROI's volume with dose (docs/radiotherapy.md), padded with 0 beyond
 * its last bin so that every series has the same length.
 */
export interface DvhInput { roiName?: string; roiNumber?: number; binWidth?: number; volumeWithDose?: number; cumulative?: number[] }

export interface DvhCurves { doses: number[]; series: { roiName: string; roiNumber?: number; percent: number[] }[] }

export function dvhCurves(rois: DvhInput[]): DvhCurves {
  const width = rois.find((r) => r.binWidth)?.binWidth ?? 0.1;
  const length = Math.max(0, ...rois.map((r) => r.cumulative?.length ?? 0));
  const doses = Array.from({ length }, (_, i) => Math.round(i * width * 1000) / 1000);
  const series = rois.map((r) => {
    const cum = r.cumulative ?? [];
    const total = r.volumeWithDose && r.volumeWithDose > 0 ? r.volumeWithDose : cum[0] ?? 0;
    const percent = doses.map((_, i) => (i < cum.length && total > 0 ? Math.min(100, (cum[i] / total) * 100) : 0));
    return { roiName: r.roiName ?? '', roiNumber: r.roiNumber, percent };
  });
  return { doses, series };
}
