import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, lang, t, type Key } from '../shell/i18n';
import { hasRole } from '../shell/me';
import { Pager } from '../shell/Pager';
import { Problem } from '../shell/Problem';
import { errorsByField, formatDay, stateText, timelineLink } from './followUp';

const LIMIT = 50;

/**
 * One patient's path across the alliance, newest first, as far as the viewer may see: new-tumor reports, referrals,
 * consults, recommendations, RT reviews, follow-up and the tumor registry record, each linked to its page. Clinical staff start a follow-up
 * schedule here.
 */
export function Timeline() {
  const { params } = useRoute();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Schemas['TimelineView'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.GET('/api/registry/patients/{patientId}/timeline', {
      params: { path: { patientId: params.id }, query: { offset, limit: LIMIT } },
    }).then(must).then((p) => live && (setPage(p), setError(null))).catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [params.id, offset]);
  if (!page) return error ? <Problem error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  const entries = page.entries ?? [];
  return (
    <section aria-labelledby="timeline-heading">
      <h1 id="timeline-heading">{t('registry.timeline.title', { name: page.patientName ?? '' })}</h1>
      <p class="muted">{page.patientLocalId}{page.birthDate ? ` · ${page.birthDate}` : ''}</p>
      <ol class="timeline" aria-label={t('registry.timeline.entries')}>
        {entries.map((e) => {
          const href = timelineLink(e);
          const title = lang.value === 'en' ? e.titleEn : e.titleZh;
          return (
            <li key={`${e.kind}-${e.subjectId}-${e.at}`}>
              <time dateTime={e.at}>{e.allDay ? formatDay(e.at) : formatDateTime(e.at)}</time>
              <span class="kind">{t(`registry.timeline.kind.${e.kind}` as Key)}</span>
              {href ? <a href={href}>{title}</a> : <span>{title}</span>}
              <span class="muted"> · {e.hospitalName}{e.by ? ` · ${e.by}` : ''}{e.state ? ` · ${stateText(e.state)}` : ''}</span>
            </li>
          );
        })}
        {entries.length === 0 && <li>{t('registry.timeline.empty')}</li>}
      </ol>
      <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
      {hasRole('clinician', 'case-manager', 'specialist') && <StartSchedule patientId={params.id} />}
    </section>
  );
}

/** Generates a follow-up schedule from the template for the cancer type and stage, then opens it. */
function StartSchedule(props: { patientId: string }) {
  const { route } = useLocation();
  const [icd10, setIcd10] = useState('');
  const [stage, setStage] = useState('');
  const [startOn, setStartOn] = useState(new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<unknown>(null);
  const wrong = errorsByField(error);
  const start = async (e: Event) => {
    e.preventDefault();
    try {
      const s = must(await api.POST('/api/registry/follow-up-schedules', {
        body: { patientId: props.patientId, icd10, stage, startOn },
      })) as Schemas['ScheduleView'];
      route(`/registry/follow-ups/${s.id}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="card" aria-labelledby="start-schedule" onSubmit={start}>
      <h2 id="start-schedule">{t('registry.followUp.start')}</h2>
      <label class="field">{t('registry.icd10')}
        <input type="text" value={icd10} required onInput={(ev) => setIcd10(ev.currentTarget.value)} />
        {wrong.icd10 && <span role="alert" class="field-problem">{wrong.icd10}</span>}
      </label>
      <label class="field">{t('registry.followUp.stage')}
        <input type="text" value={stage} required placeholder="IIB" onInput={(ev) => setStage(ev.currentTarget.value)} />
        {wrong.stage && <span role="alert" class="field-problem">{wrong.stage}</span>}
      </label>
      <label class="field">{t('registry.followUp.startOn')}
        <input type="date" value={startOn} onInput={(ev) => setStartOn(ev.currentTarget.value)} />
      </label>
      {error && Object.keys(wrong).length === 0 && <Problem error={error} />}
      <button type="submit" class="primary">{t('registry.followUp.startButton')}</button>
    </form>
  );
}
