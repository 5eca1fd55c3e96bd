import { useEffect, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { api, must, ProblemError, type Schemas } from '../api/client';
import { t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import type { DoseDisplay } from '../rt/RtViewer';
import type { Roi } from '../rt/geometry';
import '../rt/rt.css';

const RtViewer = lazy(() => import('../rt/RtViewer'));

type Case = Schemas['CaseView'];
export const NO_DOSE: DoseDisplay = { mode: 'off', grid: null, levelsGy: [], prescriptionGy: 0 };

/** The de-identified summary: TNM, intent, treatments, rationale, prescription, the experts' note. */
export function CaseSummary(props: { c: Case }) {
  const s = props.c.summary ?? {};
  const rows: [string, string | undefined | null][] = [
    [t('teaching.site'), props.c.site],
    [t('teaching.stage'), props.c.stage],
    [t('teaching.summary.tnm'), s.tnm],
    [t('teaching.summary.intent'), s.intent],
    [t('teaching.summary.modalities'), (s.modalities ?? []).join('; ') || null],
    [t('teaching.summary.histology'), s.histology],
    [t('teaching.summary.prescription'), s.prescription],
    [t('teaching.summary.rationale'), s.rationale],
    [t('teaching.summary.expertNote'), s.expertNote],
  ];
  return (
    <dl class="facts">
      {rows.filter(([, v]) => v).map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}
    </dl>
  );
}

/**
 * A teaching case: its summary and its de-identified CT in the radiotherapy viewer, with the expert contours
 * for those allowed to see them (teachers, and trainees after their attempt); the server answers 404 to others.
 */
export function CaseDetail(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [c, setCase] = useState<Case | null>(null);
  const [expert, setExpert] = useState<Roi[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/teaching/cases/{id}', { params: { path: { id } } }).then((r) => setCase(must(r))).catch(setError);
    api.GET('/api/teaching/cases/{id}/expert-contours', { params: { path: { id } } })
      .then((r) => setExpert((must(r).rois ?? []) as Roi[]))
      .catch((e) => { if (!(e instanceof ProblemError && e.status === 404)) setError(e); });
  }, [id]);
  if (!c) return error ? <Problem error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <section aria-labelledby="case-title">
      <h1 id="case-title">{c.title}</h1>
      <p class="muted">{t('teaching.case.deidentified')}</p>
      <Problem error={error} />
      <div class="rtroom">
        <div>
          {c.studyUid && c.ctSeriesUid && (
            <RtViewer studyUid={c.studyUid} seriesUid={c.ctSeriesUid} layers={[{ rois: expert ?? [] }]} hidden={{}}
              filled={false} opacity={0.8} dose={NO_DOSE} />
          )}
        </div>
        <div>
          <section class="card" aria-labelledby="summary-title">
            <h2 id="summary-title">{t('teaching.summary')}</h2>
            <CaseSummary c={c} />
          </section>
          <section class="card" aria-labelledby="expert-title">
            <h2 id="expert-title">{t('teaching.expert')}</h2>
            {expert ? <p>{t('teaching.expert.shown', { n: expert.length })}</p> : <p>{t('teaching.expert.hidden')}</p>}
          </section>
        </div>
      </div>
    </section>
  );
}
