import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { studiesOfPatient, type ArchivedStudy } from './archive';
import { DISCIPLINES, URGENCIES, disciplineLabel, urgencyLabel } from './labels';
import { PatientPicker } from './PatientPicker';
import { FileUpload } from './FileUpload';

type Patient = Schemas['PatientView'];
type Urgency = (typeof URGENCIES)[number];

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
        <FileUpload inputs={[{ label: 'upload.folder', folder: true }, { label: 'upload.files' }]}
          metadata={() => ({ purpose: 'dicom' })} onDone={setUploaded} onBusy={setUploading} />
        {uploaded.length > 0 && <p role="status">{t('upload.studies', { n: uploaded.length })}</p>}
      </section>
      <Problem error={error} />
      <button type="submit" class="primary" disabled={uploading}>{t('request.submit')}</button>
    </form>
  );
}
