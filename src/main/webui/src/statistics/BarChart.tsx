import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries { label: string; values: (number | null)[]; colour: string }

/**
 * A category chart with uPlot: bars nested in front of each other (a narrower bar in front of a wider one, as
 * "signed" within "requested", "median" within "p90"), or lines with points for series that cross.
 */
export function BarChart(props: { labels: string[]; series: ChartSeries[]; kind?: 'bars' | 'lines'; title: string;
  yLabel?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const n = props.labels.length;
    const lines = props.kind === 'lines';
    const series: uPlot.Series[] = [{ label: '' }];
    props.series.forEach((s, i) => {
      const size = 0.8 - (0.5 * i) / Math.max(1, props.series.length);
      series.push({
        label: s.label, stroke: s.colour, width: lines ? 2 : 1, fill: lines ? undefined : s.colour,
        paths: lines ? undefined : uPlot.paths.bars!({ size: [size, 64], align: 0 }),
        points: { show: lines },
        value: (_u, v) => (v == null ? '—' : String(v)),
      });
    });
    const data = [props.labels.map((_, i) => i), ...props.series.map((s) => s.values)] as uPlot.AlignedData;
    const plot = new uPlot({
      width: Math.max(300, box.current.clientWidth), height: 240, series,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, n - 0.5)] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? props.labels[i] ?? '' : '')), incrs: [1],
          rotate: n > 8 ? -45 : 0, size: n > 8 ? 60 : 40 } as uPlot.Axis,
        { label: props.yLabel },
      ],
    }, data, box.current);
    return () => plot.destroy();
  }, [props.labels, props.series, props.kind, props.yLabel]);
  return <div ref={box} class="statistics-chart" role="img" aria-label={props.title} />;
}
