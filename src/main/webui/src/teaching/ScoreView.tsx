import { lazy } from 'preact-iso';
import type { Schemas } from '../api/client';
import { t } from '../shell/i18n';
import { fixed } from '../rt/metrics';
import type { Roi } from '../rt/geometry';
import { NO_DOSE } from './CaseDetail';
import { byDice, recoloured } from './drawing';

const RtViewer = lazy(() => import('../rt/RtViewer'));

type Attempt = Schemas['AttemptView'];

/**
 * A submitted attempt: the expert's targets (solid) and the trainee's (dashed) over the teaching CT, each target
 * in one colour, and the score per target with the review metrics (Dice, HD95, MSD).
 */
export function ScoreView(props: { attempt: Attempt; studyUid: string; seriesUid: string; targets: string[] }) {
  const a = props.attempt;
  const expert = recoloured((a.expert?.rois ?? []) as Roi[], props.targets);
  const mine = recoloured((a.contours?.rois ?? []) as Roi[], props.targets);
  return (
    <div class="rtroom">
      <div>
        <RtViewer studyUid={props.studyUid} seriesUid={props.seriesUid}
          layers={[{ rois: expert }, { rois: mine, dashed: true }]} hidden={{}} filled={false} opacity={0.9} dose={NO_DOSE} />
        <p class="muted">{t('teaching.score.legend')}</p>
      </div>
      <section class="card" aria-labelledby="score-title">
        <h2 id="score-title">{t('teaching.score')}</h2>
        <p role="status">{t('teaching.score.mean', { dice: fixed(a.meanDice, 3), hd95: fixed(a.meanHd95) })}</p>
        <table class="numbers">
          <caption class="visually-hidden">{t('teaching.score')}</caption>
          <thead>
            <tr>
              <th scope="col">ROI</th>
              <th scope="col">Dice</th>
              <th scope="col">HD95 (mm)</th>
              <th scope="col">MSD (mm)</th>
              <th scope="col">{t('teaching.score.expertVolume')}</th>
              <th scope="col">{t('teaching.score.myVolume')}</th>
            </tr>
          </thead>
          <tbody>
            {byDice(a.scores ?? []).map((s) => (
              <tr>
                <th scope="row">{s.roiName}{s.presence !== 'BOTH' && <span class="fail"> {t('teaching.score.notDrawn')}</span>}</th>
                <td>{fixed(s.dice, 3)}</td>
                <td>{fixed(s.hausdorff95)}</td>
                <td>{fixed(s.meanSurfaceDistance)}</td>
                <td>{fixed(s.referenceVolume)}</td>
                <td>{fixed(s.drawnVolume)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted">{t('teaching.score.definition')}</p>
      </section>
    </div>
  );
}
