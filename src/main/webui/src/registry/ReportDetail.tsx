import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { studiesOfPatient, type ArchivedStudy } from '../consult/archive';
import { DISCIPLINES, disciplineLabel } from '../consult/labels';
import { formatDateTime, t } from '../shell/i18n';
import { hasRole } from '../shell/me';
import { Problem } from '../shell/Problem';
import { PRIORITIES, arrangement, clockText, label } from './labels';
import './registry.css';

type Report = Schemas['ReportView'];

/** One report: its clock, recording (立即录档), the priority channel, and a consult or up-referral in one step. */
export function ReportDetail() {
  const { params, query } = useRoute();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/registry/reports/{id}', { params: { path: { id: params.id } } }).then(must).then(setReport).catch(setError);
  }, [params.id]);
  if (!report) return error ? <Problem error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  const manager = hasRole('case-manager', 'platform-admin');
  const act = async (call: () => Promise<Report>) => {
    try {
      setReport(await call());
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const id = report.id!;
  const version = report.version!;
  const record = () => act(async () => must(await api.POST('/api/registry/reports/{id}/record', {
    params: { path: { id }, query: { version } },
  })));
  return (
    <section aria-labelledby="report-heading">
      <h1 id="report-heading">{t('registry.report.title', { name: report.patientName ?? '' })}</h1>
      {query.sent && <p role="status">{t('registry.report.sent')}</p>}
      <dl class="card">
        <dt>{t('registry.patient')}</dt><dd>{report.patientName} · {report.patientLocalId} · <a href={`/registry/patients/${report.patientId}`}>{t('registry.timeline.open')}</a></dd>
        <dt>{t('registry.hospital')}</dt><dd>{report.hospitalName}</dd>
        <dt>{t('registry.certainty')}</dt><dd>{label('certainty', report.certainty)}</dd>
        <dt>{t('registry.site')}</dt><dd>ICD-10 {report.icd10} · ICD-O-3 {report.topography}</dd>
        <dt>{t('registry.detection')}</dt><dd>{label('detection', report.detection)}</dd>
        <dt>{t('registry.finding')}</dt><dd>{report.finding}</dd>
        <dt>{t('registry.reporter')}</dt><dd>{report.reporter} {report.reporterPhone ?? ''} · {formatDateTime(report.reportedAt)}</dd>
        <dt>{t('registry.clock')}</dt>
        <dd class={report.clock?.running ? 'running' : undefined}>
          {clockText(report.clock)}
          <div class="muted">{t('registry.clock.due', { at: formatDateTime(report.clock?.dueAt) })}</div>
        </dd>
        {report.recordedBy && <><dt>{t('registry.recordedBy')}</dt><dd>{report.recordedBy}</dd></>}
      </dl>
      <Problem error={error} />
      {manager && report.clock?.running && <button type="button" class="primary" onClick={record}>{t('registry.record')}</button>}
      <Priority report={report} manager={manager} onSaved={setReport} onError={setError} />
      {manager && !report.clock?.running && <RaiseConsult report={report} onRaised={setReport} onError={setError} />}
      {manager && !report.clock?.running && <RaiseReferral report={report} onRaised={setReport} onError={setError} />}
    </section>
  );
}

type Props = { report: Report; onError: (e: unknown) => void };

function Priority(props: Props & { manager: boolean; onSaved: (r: Report) => void }) {
  const r = props.report;
  const [flags, setFlags] = useState({
    examination: !!r.priority?.examination, consultation: !!r.priority?.consultation, admission: !!r.priority?.admission,
  });
  const open = !r.clock?.running;
  const save = async () => {
    try {
      props.onSaved(must(await api.PUT('/api/registry/reports/{id}/priority', {
        params: { path: { id: r.id! }, query: { version: r.version! } }, body: flags,
      })));
    } catch (err) {
      props.onError(err);
    }
  };
  return (
    <fieldset class="card">
      <legend>{t('registry.priority')}</legend>
      {!open && <p class="muted">{t('registry.priority.afterRecord')}</p>}
      {PRIORITIES.map((p) => (
        <div>
          <label class="check">
            <input type="checkbox" disabled={!open || !props.manager} checked={flags[p]}
              onChange={(e) => setFlags({ ...flags, [p]: e.currentTarget.checked })} />
            {t(`registry.priority.${p}`)}
          </label>
          <span class="arranged">{arrangement(r.priority?.[p])}</span>
        </div>
      ))}
      {open && props.manager && <button type="button" onClick={save}>{t('registry.priority.save')}</button>}
    </fieldset>
  );
}

function RaiseConsult(props: Props & { onRaised: (r: Report) => void }) {
  const r = props.report;
  const [question, setQuestion] = useState('');
  const [disciplines, setDisciplines] = useState<string[]>([]);
  if (r.consultId) {
    return <p class="card">{t('registry.consult.raised')} · <a href={`/consults/${r.consultId}`}>{t('registry.consult.open')}</a></p>;
  }
  const raise = async (e: Event) => {
    e.preventDefault();
    try {
      props.onRaised(must(await api.POST('/api/registry/reports/{id}/consult', {
        params: { path: { id: r.id! }, query: { version: r.version! } },
        body: { question, disciplines: disciplines as Schemas['RaiseConsultRequest']['disciplines'] },
      })));
    } catch (err) {
      props.onError(err);
    }
  };
  return (
    <form class="card" onSubmit={raise} aria-labelledby="raise-consult">
      <h2 id="raise-consult">{t('registry.raiseConsult')}</h2>
      <label class="field">{t('registry.consult.question')}
        <textarea rows={2} required value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('registry.consult.disciplines')}</legend>
        {DISCIPLINES.map((d) => (
          <label class="check">
            <input type="checkbox" checked={disciplines.includes(d)} onChange={(e) => setDisciplines(e.currentTarget.checked
              ? [...disciplines, d] : disciplines.filter((x) => x !== d))} />
            {disciplineLabel(d)}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t('registry.raiseConsult')}</button>
    </form>
  );
}

function RaiseReferral(props: Props & { onRaised: (r: Report) => void }) {
  const r = props.report;
  const [hospitals, setHospitals] = useState<Schemas['HospitalView'][]>([]);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [studies, setStudies] = useState<ArchivedStudy[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => {
    api.GET('/api/hospitals').then(must).then((all) => {
      const provincial = all.filter((h) => h.level === 'PROVINCIAL');
      setHospitals(provincial);
      setTo(provincial[0]?.id ?? '');
    }).catch(props.onError);
    if (r.patientLocalId) studiesOfPatient(r.patientLocalId).then(setStudies).catch(() => setStudies([]));
  }, [r.id]);
  if (r.referralId) {
    return <p class="card">{t('registry.referral.raised')} · <a href={`/registry/referrals/${r.referralId}`}>{t('registry.referral.open')}</a></p>;
  }
  const raise = async (e: Event) => {
    e.preventDefault();
    try {
      props.onRaised(must(await api.POST('/api/registry/reports/{id}/referral', {
        params: { path: { id: r.id! }, query: { version: r.version! } },
        body: {
          toHospitalId: to, reason, studyUids: picked,
          reports: title.trim() ? [{ title: title.trim(), text }] : [],
        },
      })));
    } catch (err) {
      props.onError(err);
    }
  };
  return (
    <form class="card" onSubmit={raise} aria-labelledby="raise-referral">
      <h2 id="raise-referral">{t('registry.raiseReferral')}</h2>
      <label class="field">{t('registry.referral.to')}
        <select value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          {hospitals.map((h) => <option value={h.id}>{h.name}</option>)}
        </select>
      </label>
      <label class="field">{t('registry.referral.reason')}
        <textarea rows={2} required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <label class="field">{t('registry.referral.reportTitle')}
        <input type="text" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label class="field">{t('registry.referral.reportText')}
        <textarea rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('registry.referral.studies')}</legend>
        {studies.length === 0 && <p class="muted">{t('registry.referral.noStudies')}</p>}
        {studies.map((s) => (
          <label class="check">
            <input type="checkbox" checked={picked.includes(s.studyUid)} onChange={(e) => setPicked(e.currentTarget.checked
              ? [...picked, s.studyUid] : picked.filter((x) => x !== s.studyUid))} />
            {[s.date, s.modalities, s.description].filter(Boolean).join(' ') || s.studyUid}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t('registry.raiseReferral')}</button>
    </form>
  );
}
