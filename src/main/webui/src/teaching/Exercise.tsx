import { useEffect, useMemo, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { api, must, ProblemError, type Schemas } from '../api/client';
import { t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { strokeToContour } from '../rt/geometry';
import { CaseSummary, NO_DOSE } from './CaseDetail';
import { ScoreView } from './ScoreView';
import { attemptBody, drawnRois, planesDrawn, withPlane, PALETTE, type Drawing } from './drawing';
import '../rt/rt.css';

const RtViewer = lazy(() => import('../rt/RtViewer'));

type Case = Schemas['CaseView'];
type Attempt = Schemas['AttemptView'];

/**
 * The trainee's contouring screen: the teaching CT in the radiotherapy viewer, one target at a time drawn
 * freehand slice by slice (a stroke replaces that slice's outline), nothing of the expert shown; on submitting,
 * the server scores the drawing against the expert and the score view with the overlay of both replaces it.
 */
export function Exercise(props: { params?: { id: string; caseId: string } }) {
  const courseId = props.params?.id ?? '';
  const caseId = props.params?.caseId ?? '';
  const [c, setCase] = useState<Case | null>(null);
  const [attempt, setAttempt] = useState<Attempt | null | undefined>(undefined);
  const [drawing, setDrawing] = useState<Drawing>({});
  const [roi, setRoi] = useState<string | null>(null);
  const [slice, setSlice] = useState<{ z: number; sop: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/teaching/cases/{id}', { params: { path: { id: caseId } } }).then((r) => {
      const v = must(r);
      setCase(v);
      setRoi(v.targetRois?.[0] ?? null);
    }).catch(setError);
    api.GET('/api/teaching/courses/{id}/cases/{caseId}/attempts/mine', { params: { path: { id: courseId, caseId } } })
      .then((r) => setAttempt(must(r)))
      .catch((e) => (e instanceof ProblemError && e.status === 404 ? setAttempt(null) : setError(e)));
  }, [courseId, caseId]);
  const targets = c?.targetRois ?? [];
  const layers = useMemo(() => [{ rois: drawnRois(drawing, targets) }], [drawing, c]);
  if (!c || attempt === undefined) return error ? <Problem error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;

  const onStroke = (stroke: [number, number][], z: number, sop: string) => {
    if (!roi) return;
    const contour = strokeToContour(stroke, z);
    if (contour) setDrawing((d) => withPlane(d, roi, z, sop, [contour]));
  };
  const clearSlice = () => {
    if (roi && slice) setDrawing((d) => withPlane(d, roi, slice.z, slice.sop, []));
  };
  const submit = async () => {
    setBusy(true);
    try {
      setAttempt(must(await api.POST('/api/teaching/courses/{id}/cases/{caseId}/attempts', {
        params: { path: { id: courseId, caseId } }, body: attemptBody(drawing, targets),
      })));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const drawnAny = targets.some((n) => planesDrawn(drawing, n) > 0);
  return (
    <section aria-labelledby="exercise-title">
      <h1 id="exercise-title">{t('teaching.exercise.title', { title: c.title ?? '' })}</h1>
      <p><a href={`/teaching/courses/${courseId}`}>{t('teaching.exercise.back')}</a></p>
      {attempt ? (
        <ScoreView attempt={attempt} studyUid={c.studyUid!} seriesUid={c.ctSeriesUid!} targets={targets} />
      ) : (
        <div class="rtroom">
          <div>
            <RtViewer studyUid={c.studyUid!} seriesUid={c.ctSeriesUid!} layers={layers} hidden={{}} filled={false}
              opacity={0.9} dose={NO_DOSE} onStroke={roi ? onStroke : undefined}
              onSlice={(z, sop) => setSlice({ z, sop })} />
          </div>
          <div>
            <section class="card" aria-labelledby="targets-title">
              <h2 id="targets-title">{t('teaching.exercise.targets')}</h2>
              <p class="muted">{t('teaching.exercise.how')}</p>
              <fieldset>
                <legend>{t('teaching.exercise.drawing')}</legend>
                {targets.map((name, i) => (
                  <label class="roilist">
                    <input type="radio" name="target" checked={roi === name} onChange={() => setRoi(name)} />
                    <span class="swatch" aria-hidden="true" style={{ background: `rgb(${PALETTE[i % PALETTE.length].join(',')})` }} />
                    {' '}{name} · {t('teaching.exercise.planes', { n: planesDrawn(drawing, name) })}
                  </label>
                ))}
              </fieldset>
              <div class="actions">
                <button type="button" onClick={clearSlice} disabled={!slice}>{t('teaching.exercise.clearSlice')}</button>
                <button type="button" class="primary" onClick={submit} disabled={!drawnAny || busy} aria-busy={busy}>
                  {t('teaching.exercise.submit')}
                </button>
              </div>
              <p class="muted">{t('teaching.exercise.once')}</p>
              <Problem error={error} />
            </section>
            <section class="card" aria-labelledby="summary-title">
              <h2 id="summary-title">{t('teaching.summary')}</h2>
              <CaseSummary c={{ ...c, summary: { prescription: c.summary?.prescription } }} />
            </section>
          </div>
        </div>
      )}
    </section>
  );
}
