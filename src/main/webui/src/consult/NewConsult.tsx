import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { accessToken } from '../shell/auth';
import { t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { studiesOfPatient, type ArchivedStudy } from './archive';
import { DISCIPLINES, URGENCIES, disciplineLabel, urgencyLabel } from './labels';
import { PatientPicker } from './PatientPicker';
import { UploadQueue, stowSender } from './upload';

type Patient = Schemas['PatientView'];
type Urgency = (typeof URGENCIES)[number];

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

/** Upload of a CD or PACS export folder: per-file and overall progress; dropped files are sent again. */
function StudyUpload(props: { onStudies: (uids: string[]) => void; onBusy: (busy: boolean) => void }) {
  const [, redraw] = useState(0);
  const queue = useMemo(() => new UploadQueue(stowSender('/dicomweb/studies', accessToken), {
    onChange: () => redraw((n) => n + 1),
  }), []);
  const start = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    queue.add(Array.from(files));
    props.onBusy(true);
    await queue.run();
    props.onBusy(false);
    props.onStudies(queue.studyUids);
  };
  const stored = queue.items.filter((i) => i.state === 'stored').length;
  const failed = queue.items.filter((i) => i.state === 'failed').length;
  return (
    <div>
      <div class="actions">
        <label class="field">
          {t('upload.folder')}
          <input type="file" multiple {...{ webkitdirectory: true }} onChange={(e) => start(e.currentTarget.files)} />
        </label>
        <label class="field">
          {t('upload.files')}
          <input type="file" multiple onChange={(e) => start(e.currentTarget.files)} />
        </label>
      </div>
      {queue.items.length > 0 && (
        <div>
          <label class="field">
            {t('upload.overall', { stored, total: queue.items.length })}
            <progress max={100} value={percent(queue.sentBytes, queue.totalBytes)} />
          </label>
          {failed > 0 && (
            <p role="alert" class="error">
              {t('upload.failed', { n: failed })}{' '}
              <button type="button" onClick={() => start(null) || queue.run()}>{t('upload.retry')}</button>
            </p>
          )}
          <details open>
            <summary>{t('upload.perFile')}</summary>
            <ul class="files">
              {queue.items.map((i) => (
                <li key={i.path}>
                  <span>{i.path}</span>
                  <progress aria-label={i.path} max={100} value={i.state === 'stored' ? 100 : percent(i.sent, i.file.size)} />
                  <span>{t(`upload.state.${i.state}` as 'upload.state.stored')}{i.error && i.state !== 'stored' ? ` (${i.error})` : ''}</span>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </div>
  );
}

/** A county clinician's consult request: patient, summary and question, pathology, studies picked or uploaded. */
export function NewConsult() {
  const { route } = useLocation();
  const [patient, setPatient] = useState<Patient | null>(null);
  const [summary, setSummary] = useState('');
  const [question, setQuestion] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('ROUTINE');
  const [disciplines, setDisciplines] = useState<string[]>([]);
  const [pathology, setPathology] = useState({ primarySite: '', histology: '', grade: '' });
  const [archived, setArchived] = useState<ArchivedStudy[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [uploaded, setUploaded] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setArchived([]);
    if (patient?.localId) studiesOfPatient(patient.localId).then(setArchived).catch(setError);
  }, [patient?.localId]);

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!patient) {
      setError(new Error(t('request.needPatient')));
      return;
    }
    try {
      const hasPathology = Object.values(pathology).some((v) => v.trim());
      const c = must(await api.POST('/api/consults', {
        body: {
          patientId: patient.id!, clinicalSummary: summary, question, urgency,
          requestedDisciplines: disciplines as Schemas['ConsultRequest']['requestedDisciplines'],
          pathology: hasPathology ? pathology : undefined,
          studyUids: [...new Set([...picked, ...uploaded])],
        },
      }));
      route(`/consults/${(c as Schemas['ConsultView']).id}`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="new-title">
      <h1 id="new-title">{t('nav.newRequest')}</h1>
      <section class="card" aria-labelledby="patient-title">
        <h2 id="patient-title">{t('consult.patient')}</h2>
        <PatientPicker value={patient} onPick={setPatient} />
      </section>
      <section class="card" aria-labelledby="request-title">
        <h2 id="request-title">{t('request.details')}</h2>
        <label class="field">
          {t('consult.summary')}
          <textarea rows={4} required value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('consult.question')}
          <textarea rows={2} required value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <label class="field">
            {t('consult.urgency')}
            <select value={urgency} onChange={(e) => setUrgency(e.currentTarget.value as Urgency)}>
              {URGENCIES.map((u) => <option value={u}>{urgencyLabel(u)}</option>)}
            </select>
          </label>
          <fieldset>
            <legend>{t('consult.disciplines')}</legend>
            {DISCIPLINES.map((d) => (
              <label class="check">
                <input type="checkbox" checked={disciplines.includes(d)}
                  onChange={(e) => setDisciplines(toggle(disciplines, d, e.currentTarget.checked))} />
                {disciplineLabel(d)}
              </label>
            ))}
          </fieldset>
        </div>
        <fieldset>
          <legend>{t('consult.pathology')}</legend>
          <div class="formgrid">
            {(['primarySite', 'histology', 'grade'] as const).map((k) => (
              <label class="field">
                {t(`pathology.${k}`)}
                <input type="text" value={pathology[k]} onInput={(e) => setPathology({ ...pathology, [k]: e.currentTarget.value })} />
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <section class="card" aria-labelledby="studies-title">
        <h2 id="studies-title">{t('consult.studies')}</h2>
        {archived.length > 0 && (
          <fieldset>
            <legend>{t('request.archived')}</legend>
            {archived.map((s) => (
              <label class="check">
                <input type="checkbox" checked={picked.includes(s.studyUid)}
                  onChange={(e) => setPicked(toggle(picked, s.studyUid, e.currentTarget.checked))} />
                {[s.date, s.modalities, s.description].filter(Boolean).join(' · ') || s.studyUid}
              </label>
            ))}
          </fieldset>
        )}
        <StudyUpload onStudies={setUploaded} onBusy={setUploading} />
        {uploaded.length > 0 && <p role="status">{t('upload.studies', { n: uploaded.length })}</p>}
      </section>
      <Problem error={error} />
      <button type="submit" class="primary" disabled={uploading}>{t('request.submit')}</button>
    </form>
  );
}
