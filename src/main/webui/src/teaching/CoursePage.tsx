import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { fixed } from '../rt/metrics';

type Course = Schemas['CourseView'];
type Row = Schemas['LeaderboardRow'];
type Hospital = Schemas['HospitalView'];

/** The teacher enrols a county hospital's radiotherapy staff member and adds cases by id. */
function TeacherTools(props: { course: Course; onChange: (c: Course) => void }) {
  const [hospitals, setHospitals] = useState<Hospital[]>([]);
  const [hospitalId, setHospitalId] = useState('');
  const [username, setUsername] = useState('');
  const [caseId, setCaseId] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/hospitals').then((r) => setHospitals((must(r) as Hospital[]).filter((h) => h.level === 'COUNTY')))
      .catch(setError);
  }, []);
  const enrol = async (e: Event) => {
    e.preventDefault();
    try {
      props.onChange(must(await api.POST('/api/teaching/courses/{id}/trainees', {
        params: { path: { id: props.course.id! } }, body: { hospitalId, username },
      })));
      setUsername('');
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const addCase = async (e: Event) => {
    e.preventDefault();
    try {
      props.onChange(must(await api.POST('/api/teaching/courses/{id}/cases/{caseId}', {
        params: { path: { id: props.course.id!, caseId } },
      })));
      setCaseId('');
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="card" aria-labelledby="tools-title">
      <h2 id="tools-title">{t('teaching.course.manage')}</h2>
      <form class="filters" onSubmit={enrol}>
        <label class="field">{t('teaching.course.hospital')}
          <select required value={hospitalId} onChange={(e) => setHospitalId(e.currentTarget.value)}>
            <option value="" />
            {hospitals.map((h) => <option value={h.id}>{h.name}</option>)}
          </select>
        </label>
        <label class="field">{t('teaching.course.username')}
          <input required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('teaching.course.enrol')}</button>
      </form>
      <form class="filters" onSubmit={addCase}>
        <label class="field grow">{t('teaching.course.caseId')}
          <input required pattern="[0-9a-fA-F-]{36}" value={caseId} onInput={(e) => setCaseId(e.currentTarget.value.trim())} />
        </label>
        <button type="submit">{t('teaching.course.addCase')}</button>
      </form>
      <Problem error={error} />
      <h3>{t('teaching.course.trainees')}</h3>
      {(props.course.trainees ?? []).length === 0 ? <p>{t('teaching.course.noTrainees')}</p> : (
        <ul>{(props.course.trainees ?? []).map((x) => <li>{x.displayName} ({x.username}) · {x.hospitalName}</li>)}</ul>
      )}
    </section>
  );
}

/** The teacher's leaderboard: trainees by mean Dice over the course's cases. */
function Leaderboard(props: { courseId: string; version: number }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/teaching/courses/{id}/leaderboard', { params: { path: { id: props.courseId } } })
      .then((r) => setRows(must(r))).catch(setError);
  }, [props.courseId, props.version]);
  return (
    <section class="card" aria-labelledby="board-title">
      <h2 id="board-title">{t('teaching.leaderboard')}</h2>
      <Problem error={error} />
      {rows && (rows.length === 0 ? <p>{t('teaching.course.noTrainees')}</p> : (
        <table class="numbers">
          <caption class="visually-hidden">{t('teaching.leaderboard')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teaching.rank')}</th>
              <th scope="col">{t('teaching.trainee')}</th>
              <th scope="col">{t('teaching.course.hospital')}</th>
              <th scope="col">{t('teaching.attempted')}</th>
              <th scope="col">{t('teaching.meanDice')}</th>
              <th scope="col">{t('teaching.meanHd95')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.rank}</td>
                <th scope="row">{r.displayName}</th>
                <td>{r.hospitalName}</td>
                <td>{r.attempted} / {r.cases}</td>
                <td>{fixed(r.meanDice, 3)}</td>
                <td>{fixed(r.meanHd95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p class="muted">{t('teaching.leaderboard.definition')}</p>
    </section>
  );
}

/** A course: its cases (a trainee contours each once and sees their score), and for the teacher the leaderboard. */
export function CoursePage(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [course, setCourse] = useState<Course | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/teaching/courses/{id}', { params: { path: { id } } }).then((r) => setCourse(must(r))).catch(setError);
  }, [id]);
  if (!course) return error ? <Problem error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <section aria-labelledby="course-title">
      <h1 id="course-title">{course.title}</h1>
      <p class="muted">{t('teaching.course.by', { teacher: course.teacher ?? '' })} · {formatDateTime(course.createdAt)}</p>
      {course.description && <p>{course.description}</p>}
      <section class="card" aria-labelledby="cases-title">
        <h2 id="cases-title">{t('teaching.course.cases')}</h2>
        {(course.cases ?? []).length === 0 ? <p>{t('teaching.none')}</p> : (
          <table>
            <caption class="visually-hidden">{t('teaching.course.cases')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teaching.case.title')}</th>
                <th scope="col">{t('teaching.site')}</th>
                <th scope="col">{t('teaching.stage')}</th>
                <th scope="col">{t('teaching.targets')}</th>
                <th scope="col">{course.teaching ? t('teaching.case.open') : t('teaching.myScore')}</th>
              </tr>
            </thead>
            <tbody>
              {(course.cases ?? []).map((c) => (
                <tr>
                  <td>{c.title}</td>
                  <td>{c.site}</td>
                  <td>{c.stage ?? '–'}</td>
                  <td>{(c.targetRois ?? []).join(', ')}</td>
                  <td>
                    {course.teaching ? <a href={`/teaching/cases/${c.caseId}`}>{t('teaching.case.open')}</a>
                      : c.submitted ? (
                        <a href={`/teaching/courses/${id}/cases/${c.caseId}`}>
                          {t('teaching.score.dice', { dice: fixed(c.submitted.meanDice, 3) })}
                        </a>
                      ) : <a href={`/teaching/courses/${id}/cases/${c.caseId}`}>{t('teaching.contour')}</a>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {course.teaching && <TeacherTools course={course} onChange={(c) => { setCourse(c); setVersion(version + 1); }} />}
      {course.teaching && <Leaderboard courseId={id} version={version} />}
    </section>
  );
}
