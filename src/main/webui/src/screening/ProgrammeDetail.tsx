import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { Pager } from '../shell/Pager';
import { Problem } from '../shell/Problem';
import { usePaged } from '../shell/usePaged';
import { FINDINGS, STAGES, findingLabel, stageLabel } from './figures';
import { FiguresTable } from './FiguresTable';

type Programme = Schemas['ProgrammeView'];
type Person = Schemas['ParticipantView'];
type Stage = (typeof STAGES)[number];
const LIMIT = 25;

/** Sessions held, and a form to record one. */
function Sessions(props: { programme: Programme; onChange: () => void }) {
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [place, setPlace] = useState('');
  const [topic, setTopic] = useState('');
  const [attendance, setAttendance] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    try {
      must(await api.POST('/api/screening/programmes/{id}/sessions', {
        params: { path: { id: props.programme.id! } }, body: { heldOn, place, topic, attendance },
      }));
      setPlace('');
      setTopic('');
      setError(null);
      props.onChange();
    } catch (err) {
      setError(err);
    }
  };
  const sessions = props.programme.sessions ?? [];
  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('screening.sessions')}</h2>
      {sessions.length === 0 ? <p>{t('screening.noSessions')}</p> : (
        <ul>{sessions.map((s) => <li>{s.heldOn} · {s.place}{s.topic ? ` · ${s.topic}` : ''} · {t('screening.attendance')} {s.attendance}</li>)}</ul>
      )}
      <form class="filters" onSubmit={add}>
        <label class="field">{t('screening.heldOn')}
          <input type="date" required value={heldOn} onInput={(e) => setHeldOn(e.currentTarget.value)} />
        </label>
        <label class="field grow">{t('screening.place')}
          <input required maxLength={200} value={place} onInput={(e) => setPlace(e.currentTarget.value)} />
        </label>
        <label class="field grow">{t('screening.topic')}
          <input maxLength={200} value={topic} onInput={(e) => setTopic(e.currentTarget.value)} />
        </label>
        <label class="field">{t('screening.attendance')}
          <input type="number" min={0} required value={attendance} onInput={(e) => setAttendance(Number(e.currentTarget.value))} />
        </label>
        <button type="submit">{t('screening.addSession')}</button>
      </form>
      <Problem error={error} />
    </section>
  );
}

/** CSV import: all rows or none; the wrong rows are listed with their line numbers. */
function Import(props: { programmeId: string; onDone: () => void }) {
  const [done, setDone] = useState<{ rows?: number; invited?: number; updated?: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setDone(null);
    setError(null);
    try {
      const body = must(await api.POST('/api/screening/programmes/{id}/import', {
        params: { path: { id: props.programmeId } },
        body: await file.text(),
        bodySerializer: (text: string) => text, // the file as it is, not as JSON
        headers: { 'Content-Type': 'text/csv; charset=UTF-8' },
      }));
      setDone(body);
      props.onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('screening.import')}</h2>
      <p class="muted">{t('screening.importHelp')}</p>
      <label class="field">{t('screening.importFile')}
        <input type="file" accept=".csv,text/csv" onChange={(e) => send(e.currentTarget.files)} />
      </label>
      {done && <p role="status">{t('screening.importDone', { rows: done.rows ?? 0, invited: done.invited ?? 0, updated: done.updated ?? 0 })}</p>}
      <Problem error={error} />
    </section>
  );
}

/** One person's results, edited in place; a cancer found is reported as a new tumor in one step. */
function Results(props: { programmeId: string; person: Person; onSaved: () => void; onClose: () => void }) {
  const p = props.person;
  const [questionnaire, setQuestionnaire] = useState(p.questionnaireHighRisk == null ? '' : String(p.questionnaireHighRisk));
  const [fit, setFit] = useState<string>(p.fitResult ?? '');
  const [colonoscopyOn, setColonoscopyOn] = useState(p.colonoscopyOn ?? '');
  const [finding, setFinding] = useState<string>(p.finding ?? '');
  const [pathology, setPathology] = useState(p.pathology ?? '');
  const [icd10, setIcd10] = useState('C18.9');
  const [error, setError] = useState<unknown>(null);
  const path = { id: props.programmeId, participantId: p.id! };
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      must(await api.PUT('/api/screening/programmes/{id}/participants/{participantId}/result', {
        params: { path },
        body: {
          version: p.version ?? 0,
          questionnaireHighRisk: questionnaire === '' ? undefined : questionnaire === 'true',
          fitResult: (fit || undefined) as Person['fitResult'],
          colonoscopyOn: colonoscopyOn || undefined,
          finding: (finding || undefined) as Person['finding'],
          pathology: pathology || undefined,
        },
      }));
      props.onSaved();
    } catch (err) {
      setError(err);
    }
  };
  const report = async () => {
    try {
      must(await api.POST('/api/screening/programmes/{id}/participants/{participantId}/tumor-report', {
        params: { path }, body: { certainty: 'CONFIRMED', icd10, topography: icd10 },
      }));
      props.onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="card" onSubmit={save} aria-label={`${t('screening.edit')}: ${p.name}`}>
      <div class="filters">
        <label class="field">{t('screening.questionnaire')}
          <select value={questionnaire} onChange={(e) => setQuestionnaire(e.currentTarget.value)}>
            <option value="">{t('screening.notDone')}</option>
            <option value="true">{t('screening.highRiskYes')}</option>
            <option value="false">{t('screening.highRiskNo')}</option>
          </select>
        </label>
        <label class="field">{t('screening.fit')}
          <select value={fit} onChange={(e) => setFit(e.currentTarget.value)}>
            <option value="">{t('screening.notDone')}</option>
            <option value="POSITIVE">{t('screening.positive')}</option>
            <option value="NEGATIVE">{t('screening.negative')}</option>
          </select>
        </label>
        <label class="field">{t('screening.colonoscopyOn')}
          <input type="date" value={colonoscopyOn} onInput={(e) => setColonoscopyOn(e.currentTarget.value)} />
        </label>
        <label class="field">{t('screening.finding')}
          <select value={finding} onChange={(e) => setFinding(e.currentTarget.value)}>
            <option value="" />
            {FINDINGS.map((f) => <option value={f}>{findingLabel(f)}</option>)}
          </select>
        </label>
        <label class="field grow">{t('screening.pathology')}
          <input maxLength={2000} value={pathology} onInput={(e) => setPathology(e.currentTarget.value)} />
        </label>
      </div>
      <div class="actions">
        <button type="submit" class="primary">{t('screening.save')}</button>
        <button type="button" onClick={props.onClose}>{t('screening.cancel')}</button>
        {p.finding === 'CANCER' && !p.tumorReportId && (
          <>
            <label class="field">{t('screening.icd10')}
              <input value={icd10} maxLength={8} onInput={(e) => setIcd10(e.currentTarget.value)} />
            </label>
            <button type="button" onClick={report}>{t('screening.reportCancer')}</button>
          </>
        )}
      </div>
      <Problem error={error} />
    </form>
  );
}

function People(props: { programmeId: string; refresh: number; onChange: () => void }) {
  const [stage, setStage] = useState<Stage | ''>('');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const { offset, setOffset, page, error } = usePaged(async (at) => must(await api.GET('/api/screening/programmes/{id}/participants', {
    params: { path: { id: props.programmeId }, query: { stage: stage || undefined, q: search || undefined, offset: at, limit: LIMIT } },
  })), [stage, search, props.refresh, tick]);
  const items = page?.items ?? [];
  return (
    <section class="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('screening.participants')}</h2>
      <div class="filters">
        <label>{t('screening.stage')}
          <select value={stage} onChange={(e) => { setStage(e.currentTarget.value as Stage | ''); setOffset(0); }}>
            <option value="">{t('filter.all')}</option>
            {STAGES.map((s) => <option value={s}>{stageLabel(s)}</option>)}
          </select>
        </label>
        <label>{t('screening.search')}
          <input type="search" value={search} onInput={(e) => { setSearch(e.currentTarget.value); setOffset(0); }} />
        </label>
      </div>
      <Problem error={error} />
      {page && items.length === 0 && <p>{t('screening.noPeople')}</p>}
      {items.length > 0 && (
        <table>
          <caption class="visually-hidden">{t('screening.participants')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('screening.localId')}</th>
              <th scope="col">{t('screening.personName')}</th>
              <th scope="col">{t('screening.invitedOn')}</th>
              <th scope="col">{t('screening.stage')}</th>
              <th scope="col">{t('screening.finding')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <>
                <tr>
                  <td>{p.localId}</td>
                  <td>{p.name}</td>
                  <td>{p.invitedOn}</td>
                  <td>{stageLabel(p.stage ?? '')}</td>
                  <td>{findingLabel(p.finding)}{p.tumorReportId && <> · <span class="badge">{t('screening.reported')}</span></>}</td>
                  <td><button type="button" class="link" onClick={() => setEditing(editing === p.id ? null : p.id!)}
                    aria-expanded={editing === p.id}>{t('screening.edit')}<span class="visually-hidden"> {p.name}</span></button></td>
                </tr>
                {editing === p.id && (
                  <tr><td colSpan={6}>
                    <Results programmeId={props.programmeId} person={p} onClose={() => setEditing(null)}
                      onSaved={() => { setTick(tick + 1); props.onChange(); }} />
                  </td></tr>
                )}
              </>
            ))}
          </tbody>
        </table>
      )}
      {page && <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />}
    </section>
  );
}

/** A programme: its figures with their definitions, education sessions, the CSV import and the people. */
export function ProgrammeDetail(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [refresh, setRefresh] = useState(0);
  const reload = () => setRefresh((n) => n + 1);
  useEffect(() => {
    api.GET('/api/screening/programmes/{id}', { params: { path: { id } } })
      .then((r) => { setProgramme(must(r)); setError(null); }).catch(setError);
  }, [id, refresh]);
  if (!programme) return error ? <Problem error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <section aria-labelledby="programme-title">
      <h1 id="programme-title">{programme.name}</h1>
      <p class="muted">{programme.site} · {programme.year} · {programme.createdBy} · {formatDateTime(programme.createdAt)}</p>
      <FiguresTable hospitals={programme.hospitals ?? []} total={programme.total!} />
      <Import programmeId={id} onDone={reload} />
      <People programmeId={id} refresh={refresh} onChange={reload} />
      <Sessions programme={programme} onChange={reload} />
    </section>
  );
}
