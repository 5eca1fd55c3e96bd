import { useState } from 'preact/hooks';
import { t } from '../shell/i18n';
import type { Metrics, RevisionEntry } from './api';
import { byDisagreement, fixed, shiftLength } from './metrics';

export interface CompareProps {
  revisions: RevisionEntry[];
  from: number;
  to: number;
  onPick: (from: number, to: number) => void;
  metrics: Metrics[] | null;
}

const DEFINITIONS = ['volume', 'dice', 'hd95', 'msd', 'surfaceDice', 'centroid', 'grid'] as const;

/**
 * Two revisions compared: drawn together (A solid, B dashed, in the viewer) and the metrics per ROI from
 * the server (GET …/metrics), most disagreement first, with each metric's definition one click away.
 */
export function ComparePanel(props: CompareProps) {
  const pick = (label: string, value: number, set: (n: number) => void) => (
    <label>
      {label}
      <select value={String(value)} onChange={(e) => set(Number(e.currentTarget.value))}>
        {props.revisions.map((r) => <option value={String(r.number)}>R{r.number} · {r.author}</option>)}
      </select>
    </label>
  );
  const [open, setOpen] = useState(false);
  const rows = props.metrics ? byDisagreement(props.metrics) : [];
  return (
    <section class="card" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('rt.compare.title')}</h2>
      <div class="filters">
        {pick(t('rt.compare.a'), props.from, (n) => props.onPick(n, props.to))}
        {pick(t('rt.compare.b'), props.to, (n) => props.onPick(props.from, n))}
        <span class="muted">{t('rt.compare.styles')}</span>
      </div>
      {!props.metrics ? <p aria-busy="true">{t('common.loading')}</p> : (
        <table class="numbers">
          <caption class="visually-hidden">{t('rt.compare.table')}</caption>
          <thead>
            <tr>
              <th scope="col">ROI</th>
              <th scope="col">{t('rt.metric.volumeA')}</th>
              <th scope="col">{t('rt.metric.volumeB')}</th>
              <th scope="col">{t('rt.metric.deltaVolume')}</th>
              <th scope="col">Dice</th>
              <th scope="col">HD95 (mm)</th>
              <th scope="col">MSD (mm)</th>
              <th scope="col">{t('rt.metric.surfaceDice')}</th>
              <th scope="col">{t('rt.metric.centroid')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.roiName}>
                <th scope="row">{m.roiName}{m.presence && m.presence !== 'BOTH' && <span class="fail"> {t(`rt.presence.${m.presence}`)}</span>}</th>
                <td>{fixed(m.volumeA)}</td>
                <td>{fixed(m.volumeB)}</td>
                <td>{fixed(m.volumeDifference)} ({fixed(m.volumeDifferencePercent, 1)}%)</td>
                <td>{fixed(m.dice, 3)}</td>
                <td>{fixed(m.hausdorff95)}</td>
                <td>{fixed(m.meanSurfaceDistance)}</td>
                <td>{fixed(m.surfaceDice, 3)}</td>
                <td>{fixed(shiftLength(m.centroidShift))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>{t('rt.metric.definitions')}</button>
      {open && (
        <dl class="facts">
          {DEFINITIONS.map((d) => <><dt>{t(`rt.define.${d}.term`)}</dt><dd>{t(`rt.define.${d}`)}</dd></>)}
        </dl>
      )}
    </section>
  );
}
