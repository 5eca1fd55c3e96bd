import { useEffect, useRef, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { accessToken } from '../shell/auth';
import { formatDateTime, formatDuration, t, type Key } from '../shell/i18n';
import { hasRole } from '../shell/me';
import { Problem } from '../shell/Problem';
import { ScheduleMeeting } from '../board/ScheduleMeeting';
import { FileUpload } from './FileUpload';
import { DISCIPLINES, actionLabel, disciplineLabel, stateLabel, urgencyLabel } from './labels';

type Consult = Schemas['ConsultView'];
type Action = Schemas['ConsultAction'];

/** Who may press which triage button; the server decides in the end, this only hides what would be refused. */
const ACTION_ROLES: Partial<Record<Action, string[]>> = {
  ACCEPT: ['case-manager', 'platform-admin'],
  RETURN: ['case-manager', 'platform-admin'],
  DECLINE: ['case-manager', 'platform-admin'],
  RESUBMIT: ['clinician', 'rt-staff', 'case-manager'],
};
/** Actions whose reason the other side must read. */
const NEEDS_NOTE: Action[] = ['RETURN', 'DECLINE'];

function Triage(props: { consult: Consult; onChange: (c: Consult) => void }) {
  const { consult } = props;
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const actions = (consult.allowedActions ?? []).filter((a) => hasRole(...(ACTION_ROLES[a] ?? [])));
  if (actions.length === 0) return null;
  const act = async (action: Action) => {
    if (NEEDS_NOTE.includes(action) && !note.trim()) {
      setError(new Error(t('triage.noteRequired')));
      return;
    }
    try {
      const c = must(await api.POST('/api/consults/{id}/transitions', {
        params: { path: { id: consult.id! } },
        body: { action, version: consult.version!, note: note.trim() || undefined },
      }));
      setNote('');
      setError(null);
      props.onChange(c);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="card" aria-labelledby="triage-title">
      <h2 id="triage-title">{t('triage.title')}</h2>
      <label class="field">
        {t('triage.note')}
        <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="actions">
        {actions.map((a) => (
          <button type="button" class={a === 'ACCEPT' || a === 'RESUBMIT' ? 'primary' : undefined} onClick={() => act(a)}>
            {actionLabel(a)}
          </button>
        ))}
      </div>
      <Problem error={error} />
    </section>
  );
}

function Scheduling(props: { consult: Consult; onChange: (c: Consult) => void }) {
  const { consult } = props;
  const [priority, setPriority] = useState(String(consult.priority ?? 3));
  const [discipline, setDiscipline] = useState<string>(consult.requestedDisciplines?.[0] ?? DISCIPLINES[0]);
  const [specialists, setSpecialists] = useState<Schemas['StaffMember'][]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.GET('/api/consult-queue/specialists', { params: { query: { discipline } } })
      .then(must).then(setSpecialists).catch(setError);
  }, [discipline]);

  const run = async (call: () => Promise<Consult>) => {
    try {
      props.onChange(await call());
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  const savePriority = () => run(async () => must(await api.PUT('/api/consult-queue/{id}/priority', {
    params: { path: { id: consult.id! } }, body: { priority: Number(priority), version: consult.version! },
  })));
  const assign = (userId: string) => run(async () => must(await api.POST('/api/consult-queue/{id}/assignments', {
    params: { path: { id: consult.id! } }, body: { userId, discipline },
  })));
  const unassign = (userId: string) => run(async () => must(await api.DELETE('/api/consult-queue/{id}/assignments/{userId}', {
    params: { path: { id: consult.id!, userId } },
  })));
  const assigned = new Set((consult.assignments ?? []).map((a) => a.userId));

  return (
    <section class="card" aria-labelledby="scheduling-title">
      <h2 id="scheduling-title">{t('scheduling.title')}</h2>
      <div class="actions">
        <label class="field">
          {t('consult.priority')}
          <select value={priority} onChange={(e) => setPriority(e.currentTarget.value)}>
            {[1, 2, 3, 4, 5].map((p) => <option value={String(p)}>{p}</option>)}
          </select>
        </label>
        <button type="button" onClick={savePriority}>{t('scheduling.savePriority')}</button>
      </div>
      <h3>{t('scheduling.assignees')}</h3>
      <ul>
        {(consult.assignments ?? []).map((a) => (
          <li key={a.userId}>
            {a.displayName} · {disciplineLabel(a.discipline)}{' '}
            <button type="button" class="link" aria-label={t('scheduling.unassignNamed', { name: a.displayName ?? '' })}
              onClick={() => unassign(a.userId!)}>{t('scheduling.unassign')}</button>
          </li>
        ))}
        {(consult.assignments ?? []).length === 0 && <li>{t('scheduling.noneAssigned')}</li>}
      </ul>
      <label class="field">
        {t('consult.discipline')}
        <select value={discipline} onChange={(e) => setDiscipline(e.currentTarget.value)}>
          {DISCIPLINES.map((d) => <option value={d}>{disciplineLabel(d)}</option>)}
        </select>
      </label>
      <ul aria-label={t('scheduling.specialists')}>
        {specialists.filter((s) => !assigned.has(s.id)).map((s) => (
          <li key={s.id}>
            {s.displayName}{' '}
            <button type="button" aria-label={t('scheduling.assignNamed', { name: s.displayName ?? '' })}
              onClick={() => assign(s.id!)}>{t('scheduling.assign')}</button>
          </li>
        ))}
      </ul>
      <Problem error={error} />
    </section>
  );
}

const ATTACHMENT_KINDS = ['PATHOLOGY', 'LAB', 'IMAGING', 'OTHER'] as const;

/** Pathology reports, lab sheets and photos: listed, opened with the token, and added over the resumable upload. */
function Attachments(props: { consult: Consult; onAdded: () => void }) {
  const { consult } = props;
  const [kind, setKind] = useState<string>('PATHOLOGY');
  const kindRef = useRef(kind);
  kindRef.current = kind;
  const [error, setError] = useState<unknown>(null);
  const open = async (a: Schemas['AttachmentView']) => {
    try {
      const r = await fetch(`/api/consults/${consult.id}/attachments/${a.id}`, { headers: { Authorization: `Bearer ${accessToken() ?? ''}` } });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      window.open(URL.createObjectURL(await r.blob()), '_blank');
    } catch (e) {
      setError(e);
    }
  };
  const mayAdd = hasRole('clinician', 'rt-staff', 'case-manager', 'platform-admin') && !['DECLINED', 'CLOSED'].includes(String(consult.state));
  return (
    <section class="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachment.title')}</h2>
      <ul aria-label={t('attachment.list')}>
        {(consult.attachments ?? []).map((a) => (
          <li key={a.id}>
            <button type="button" class="link" onClick={() => open(a)}>{a.filename}</button>
            {' · '}{t(`attachment.kind.${a.kind}` as Key)} · {formatDateTime(a.uploadedAt)} · {a.uploadedBy}
          </li>
        ))}
        {(consult.attachments ?? []).length === 0 && <li>{t('attachment.none')}</li>}
      </ul>
      {mayAdd && (
        <>
          <label class="field">
            {t('attachment.kind')}
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
              {ATTACHMENT_KINDS.map((k) => <option value={k}>{t(`attachment.kind.${k}` as Key)}</option>)}
            </select>
          </label>
          <FileUpload inputs={[{ label: 'attachment.add', accept: 'application/pdf,image/png,image/jpeg' }]}
            metadata={() => ({ purpose: 'attachment', consultId: consult.id!, kind: kindRef.current })} onDone={props.onAdded} />
        </>
      )}
      <Problem error={error} />
    </section>
  );
}

function Row(props: { label: string; children: preact.ComponentChildren }) {
  return (<><dt>{props.label}</dt><dd>{props.children}</dd></>);
}

/** One consult: the patient, the question and what came with it, its state and clocks, and the next steps. */
export function ConsultDetail(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [consult, setConsult] = useState<Consult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => {
    api.GET('/api/consults/{id}', { params: { path: { id } } }).then(must).then(setConsult).catch(setError);
  };
  useEffect(load, [id]);
  if (error && !consult) return <Problem error={error} />;
  if (!consult) return <p aria-busy="true">{t('common.loading')}</p>;
  const p = consult.patient;
  return (
    <article aria-labelledby="consult-title">
      <h1 id="consult-title">{t('consult.title', { name: p?.name ?? '' })}</h1>
      <div class="grid2">
        <section class="card" aria-label={t('consult.overview')}>
          <dl class="facts">
            <Row label={t('consult.state')}><strong>{stateLabel(consult.state)}</strong></Row>
            {consult.stateNote && <Row label={t('consult.stateNote')}><span role="status">{consult.stateNote}</span></Row>}
            <Row label={t('consult.urgency')}><span class={`badge ${consult.urgency}`}>{urgencyLabel(consult.urgency)}</span></Row>
            <Row label={t('consult.hospital')}>{consult.hospitalName}</Row>
            <Row label={t('consult.patient')}>{p?.name} · {p?.localId} · {p?.sex} {p?.birthDate ?? ''}</Row>
            <Row label={t('consult.disciplines')}>{(consult.requestedDisciplines ?? []).map(disciplineLabel).join('、')}</Row>
            <Row label={t('consult.requestedAt')}>{formatDateTime(consult.createdAt)} · {consult.requestedBy}</Row>
            <Row label={t('sla.toTriage')}>{formatDuration(consult.sla?.toTriageSeconds)}{consult.sla?.triageRunning ? ` (${t('sla.running')})` : ''}</Row>
            {consult.sla?.toSessionSeconds != null && (
              <Row label={t('sla.toSession')}>{formatDuration(consult.sla.toSessionSeconds)}{consult.sla.sessionRunning ? ` (${t('sla.running')})` : ''}</Row>
            )}
          </dl>
        </section>
        <section class="card" aria-labelledby="question-title">
          <h2 id="question-title">{t('consult.question')}</h2>
          <p>{consult.question}</p>
          <h2>{t('consult.summary')}</h2>
          <p class="prewrap">{consult.clinicalSummary}</p>
        </section>
      </div>
      {consult.pathology && (
        <section class="card" aria-labelledby="pathology-title">
          <h2 id="pathology-title">{t('consult.pathology')}</h2>
          <p>{[consult.pathology.primarySite, consult.pathology.histology, consult.pathology.grade].filter(Boolean).join(' · ')}</p>
        </section>
      )}
      <section class="card" aria-labelledby="studies-title">
        <h2 id="studies-title">{t('consult.studies')}</h2>
        {(consult.studies ?? []).length > 0 && <a class="button" href={`/consults/${consult.id}/images`}>{t('viewer.open')}</a>}
        <ul>
          {(consult.studies ?? []).map((s) => <li key={s.studyUid}><code>{s.studyUid}</code> · {formatDateTime(s.attachedAt)}</li>)}
          {(consult.studies ?? []).length === 0 && <li>{t('consult.noStudies')}</li>}
        </ul>
      </section>
      <Attachments consult={consult} onAdded={load} />
      <Triage consult={consult} onChange={setConsult} />
      {hasRole('case-manager', 'platform-admin') && <Scheduling consult={consult} onChange={setConsult} />}
      {hasRole('case-manager', 'platform-admin') && <ScheduleMeeting consult={consult} onScheduled={load} />}
      <Problem error={error} />
    </article>
  );
}
