import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { Pager } from '../shell/Pager';
import { Problem } from '../shell/Problem';
import { usePaged } from '../shell/usePaged';
import { teaches } from './roles';

type Course = Schemas['CourseView'];
const LIMIT = 20;

/** A teacher makes a case of a signed consult or an approved review, by its id. */
function NewCase(props: { onMade: () => void }) {
  const { route } = useLocation();
  const [source, setSource] = useState<'RT_REVIEW' | 'CONSULT'>('RT_REVIEW');
  const [sourceId, setSourceId] = useState('');
  const [title, setTitle] = useState('');
  const [stage, setStage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const made = must(await api.POST('/api/teaching/cases', {
        body: { source, sourceId, title: title || undefined, stage: stage || undefined },
      })) as Schemas['CaseView']; // 201 made, or 200 when made before: the same case
      props.onMade();
      route(`/teaching/cases/${made.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="card">
      <summary>{t('teaching.case.new')}</summary>
      <form onSubmit={submit}>
        <div class="filters">
          <label class="field">{t('teaching.case.source')}
            <select value={source} onChange={(e) => setSource(e.currentTarget.value as 'RT_REVIEW' | 'CONSULT')}>
              <option value="RT_REVIEW">{t('teaching.source.RT_REVIEW')}</option>
              <option value="CONSULT">{t('teaching.source.CONSULT')}</option>
            </select>
          </label>
          <label class="field grow">{t('teaching.case.sourceId')}
            <input required pattern="[0-9a-fA-F-]{36}" value={sourceId} onInput={(e) => setSourceId(e.currentTarget.value.trim())} />
          </label>
          <label class="field grow">{t('teaching.case.title')}
            <input maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <label class="field">{t('teaching.stage')}
            <input maxLength={12} value={stage} onInput={(e) => setStage(e.currentTarget.value)} />
          </label>
        </div>
        <p class="muted">{t('teaching.case.deidentifyNote')}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} aria-busy={busy}>{t('teaching.case.make')}</button>
        </div>
        <Problem error={error} />
      </form>
    </details>
  );
}

/** The courses the caller teaches or is enrolled in; a teacher starts one here. */
function Courses() {
  const { route } = useLocation();
  const [courses, setCourses] = useState<Course[] | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/teaching/courses').then((r) => setCourses(must(r))).catch(setError);
  }, []);
  const create = async (e: Event) => {
    e.preventDefault();
    try {
      const c = must(await api.POST('/api/teaching/courses', { body: { title, caseIds: [] } }));
      route(`/teaching/courses/${c.id}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="card" aria-labelledby="courses-title">
      <h2 id="courses-title">{t('teaching.courses')}</h2>
      <Problem error={error} />
      {courses === null ? !error && <p aria-busy="true">{t('common.loading')}</p> : courses.length === 0
        ? <p>{t('teaching.courses.none')}</p> : (
          <ul>
            {courses.map((c) => (
              <li><a href={`/teaching/courses/${c.id}`}>{c.title}</a> · {c.teacher} · {t('teaching.courses.cases', { n: c.cases?.length ?? 0 })}</li>
            ))}
          </ul>
        )}
      {teaches() && (
        <form class="filters" onSubmit={create}>
          <label class="field grow">{t('teaching.course.title')}
            <input required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('teaching.course.create')}</button>
        </form>
      )}
    </section>
  );
}

/** The case library (远程培训病例库): search by site and stage group, newest first, paged. */
export function CaseLibrary() {
  const [site, setSite] = useState('');
  const [stage, setStage] = useState('');
  const [query, setQuery] = useState({ site: '', stage: '', n: 0 });
  const { offset, setOffset, page, error } = usePaged(async (at) => must(await api.GET('/api/teaching/cases', {
    params: { query: { site: query.site || undefined, stage: query.stage || undefined, offset: at, limit: LIMIT } },
  })), [query]);
  const search = (e: Event) => {
    e.preventDefault();
    setOffset(0);
    setQuery({ site, stage, n: query.n + 1 });
  };
  return (
    <section aria-labelledby="teaching-title">
      <h1 id="teaching-title">{t('teaching.title')}</h1>
      <Courses />
      {teaches() && <NewCase onMade={() => setQuery({ ...query, n: query.n + 1 })} />}
      <h2>{t('teaching.library')}</h2>
      <form class="filters" role="search" onSubmit={search}>
        <label class="field">{t('teaching.site')}
          <input value={site} onInput={(e) => setSite(e.currentTarget.value)} />
        </label>
        <label class="field">{t('teaching.stage')}
          <input value={stage} onInput={(e) => setStage(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('teaching.search')}</button>
      </form>
      <Problem error={error} />
      {page ? (
        (page.items ?? []).length === 0 ? <p>{t('teaching.none')}</p> : (
          <>
            <table>
              <caption class="visually-hidden">{t('teaching.library')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('teaching.case.title')}</th>
                  <th scope="col">{t('teaching.site')}</th>
                  <th scope="col">{t('teaching.stage')}</th>
                  <th scope="col">{t('teaching.case.source')}</th>
                  <th scope="col">{t('teaching.targets')}</th>
                  <th scope="col">{t('teaching.case.made')}</th>
                </tr>
              </thead>
              <tbody>
                {(page.items ?? []).map((c) => (
                  <tr>
                    <td><a href={`/teaching/cases/${c.id}`}>{c.title}</a></td>
                    <td>{c.site}</td>
                    <td>{c.stage ?? '–'}</td>
                    <td>{c.source ? t(`teaching.source.${c.source as 'RT_REVIEW' | 'CONSULT'}`) : ''}</td>
                    <td>{(c.targetRois ?? []).join(', ')}</td>
                    <td>{formatDateTime(c.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
          </>
        )
      ) : !error && <p aria-busy="true">{t('common.loading')}</p>}
    </section>
  );
}
