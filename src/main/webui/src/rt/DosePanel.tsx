import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../shell/i18n';
import type { DoseImpact, DoseReview, RevisionEntry } from './api';
import { dvhCurves } from './dvh';
import { colorOf, type Roi } from './geometry';
import { fixed } from './metrics';

export interface DosePanelProps {
  revisions: RevisionEntry[];
  revision: number;
  compareWith: number | null;
  onPick: (revision: number, compareWith: number | null) => void;
  review: DoseReview | null;
  other: DoseReview | null;
  /** The server's dose impact of this revision against the other (GET …/dose-impact?from=other&to=revision). */
  impact: DoseImpact | null;
  rois: Roi[];
  hidden: Record<number, boolean>;
}

/** Cumulative DVH per shown ROI in its colour; a second revision's curves dashed over it. */
function DvhChart(props: { review: DoseReview; other: DoseReview | null; rois: Roi[]; hidden: Record<number, boolean> }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const colour = (name: string) => {
      const roi = props.rois.find((r) => r.name === name);
      return roi ? colorOf(roi) : '#888';
    };
    const shown = (list: DoseReview['rois']) => (list ?? []).filter((r) => {
      const roi = props.rois.find((x) => x.name === r.roiName);
      return !roi || !props.hidden[roi.number];
    });
    const mine = dvhCurves(shown(props.review.rois));
    const theirs = props.other ? dvhCurves(shown(props.other.rois)) : null;
    const length = Math.max(mine.doses.length, theirs?.doses.length ?? 0);
    const width = props.review.rois?.[0]?.binWidth ?? 0.1;
    const doses = Array.from({ length }, (_, i) => Math.round(i * width * 1000) / 1000);
    const pad = (v: number[]) => doses.map((_, i) => v[i] ?? 0);
    const series: uPlot.Series[] = [{ label: 'Gy' }];
    const data: number[][] = [doses];
    for (const s of mine.series) {
      series.push({ label: `${s.roiName} R${props.review.revision}`, stroke: colour(s.roiName), width: 2 });
      data.push(pad(s.percent));
    }
    for (const s of theirs?.series ?? []) {
      series.push({ label: `${s.roiName} R${props.other!.revision}`, stroke: colour(s.roiName), width: 1.5, dash: [6, 4] });
      data.push(pad(s.percent));
    }
    const plot = new uPlot({
      width: Math.max(320, box.current.clientWidth), height: 320, series,
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [{ label: t('rt.dvh.dose') }, { label: t('rt.dvh.volume') }],
    }, data as uPlot.AlignedData, box.current);
    return () => plot.destroy();
  }, [props.review, props.other, props.hidden, props.rois]);
  return <div ref={box} class="dvh" role="img" aria-label={t('rt.dvh.chart', { n: props.review.revision ?? 0 })} />;
}

type ConstraintResult = NonNullable<DoseReview['constraints']>[number];
type Moved = NonNullable<NonNullable<DoseImpact['constraints']>[number]['change']>;

/** Each constraint of the revision, beside the other revision's when the server's dose impact is there. */
function rows(review: DoseReview, impact: DoseImpact | null):
    { result: ConstraintResult; other?: ConstraintResult; change?: number; moved?: Moved }[] {
  if (!impact || impact.to !== review.revision) return (review.constraints ?? []).map((result) => ({ result }));
  return (impact.constraints ?? []).map((c) => ({ result: c.after!, other: c.before ?? undefined,
    change: c.marginChange ?? undefined, moved: c.change }));
}

/**
 * Dose review of a revision (GET …/revisions/{n}/dose): DVH curves (uPlot), the DVH statistics per ROI and
 * the disease site's constraint template with pass / fail / margin; a second revision's beside it (per
 * constraint: value, result, margin and how it moved, from GET …/dose-impact) shows the dose impact of the
 * expert's contours against the county's.
 */
export function DosePanel(props: DosePanelProps) {
  const r = props.review;
  const other = props.other;
  const outcome = (c: { outcome?: string } | undefined) => (
    <span class={c?.outcome === 'PASS' ? 'pass' : c?.outcome === 'FAIL' ? 'fail' : 'muted'}>{t(`rt.outcome.${(c?.outcome ?? 'NOT_EVALUABLE') as 'PASS'}`)}</span>
  );
  return (
    <section class="card" aria-labelledby="dose-title">
      <h2 id="dose-title">{t('rt.dose.title')}</h2>
      <div class="filters">
        <label>
          {t('rt.dose.revision')}
          <select value={String(props.revision)} onChange={(e) => props.onPick(Number(e.currentTarget.value), props.compareWith)}>
            {props.revisions.map((x) => <option value={String(x.number)}>R{x.number} · {x.author}</option>)}
          </select>
        </label>
        <label>
          {t('rt.dose.compareWith')}
          <select value={props.compareWith == null ? '' : String(props.compareWith)}
            onChange={(e) => props.onPick(props.revision, e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
            <option value="">{t('rt.dose.none')}</option>
            {props.revisions.filter((x) => x.number !== props.revision).map((x) => <option value={String(x.number)}>R{x.number} · {x.author}</option>)}
          </select>
        </label>
      </div>
      {!r ? <p aria-busy="true">{t('common.loading')}</p> : (
        <>
          <DvhChart review={r} other={props.other} rois={props.rois} hidden={props.hidden} />
          <h3>{t('rt.constraints.title', { template: r.template ?? '' })}</h3>
          <table class="numbers">
            <caption class="visually-hidden">{t('rt.constraints.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rt.constraints.constraint')}</th>
                <th scope="col">ROI</th>
                <th scope="col">{t('rt.constraints.value', { n: r.revision ?? 0 })}</th>
                <th scope="col">{t('rt.constraints.limit')}</th>
                <th scope="col">{t('rt.constraints.outcome')}</th>
                <th scope="col">{t('rt.constraints.margin')}</th>
                {other && (
                  <>
                    <th scope="col">{t('rt.constraints.value', { n: other.revision ?? 0 })}</th>
                    <th scope="col">{t('rt.constraints.outcomeOf', { n: other.revision ?? 0 })}</th>
                    <th scope="col">{t('rt.constraints.marginOf', { n: other.revision ?? 0 })}</th>
                    <th scope="col">{t('rt.constraints.change', { n: r.revision ?? 0, m: other.revision ?? 0 })}</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {rows(r, props.impact).map(({ result: c, other: o, change, moved }) => (
                <tr class={moved === 'NOW_FAILS' || moved === 'NOW_PASSES' ? 'changed' : undefined}>
                  <td>{c.constraint}{c.note && <div class="muted">{c.note}</div>}</td>
                  <td>{c.roi ?? '–'}</td>
                  <td>{fixed(c.value)} {c.unit}</td>
                  <td>{fixed(c.limit)} {c.unit}</td>
                  <td>{outcome(c)}</td>
                  <td>{fixed(c.margin)}</td>
                  {other && (
                    <>
                      <td>{fixed(o?.value)} {o ? o.unit : ''}</td>
                      <td>{o ? outcome(o) : '–'}</td>
                      <td>{fixed(o?.margin)}</td>
                      <td>{change == null ? '–' : `${change > 0 ? '+' : ''}${fixed(change)} ${c.unit ?? ''}`}
                        {moved && <div class="muted">{t(`rt.impact.${moved}`)}</div>}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('rt.dvh.statistics')}</h3>
          <table class="numbers">
            <caption class="visually-hidden">{t('rt.dvh.statistics')}</caption>
            <thead>
              <tr>
                <th scope="col">ROI</th><th scope="col">{t('rt.dvh.volumeCc')}</th><th scope="col">Dmean</th>
                <th scope="col">Dmin</th><th scope="col">Dmax</th><th scope="col">D95%</th><th scope="col">D2%</th>
                <th scope="col">V20Gy (%)</th>
              </tr>
            </thead>
            <tbody>
              {(r.rois ?? []).map((x) => (
                <tr>
                  <th scope="row">{x.roiName}{x.partlyOutsideDoseGrid && <span class="muted"> {t('rt.dvh.outside')}</span>}</th>
                  <td>{fixed(x.volume)}</td><td>{fixed(x.dmean)}</td><td>{fixed(x.dmin)}</td><td>{fixed(x.dmax)}</td>
                  <td>{fixed(x.d95)}</td><td>{fixed(x.d2)}</td><td>{fixed(x.v20GyPercent, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
