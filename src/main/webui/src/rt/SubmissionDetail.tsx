import './rt.css';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t, type Key } from '../shell/i18n';
import { hasRole, me } from '../shell/me';
import { Problem } from '../shell/Problem';
import { assignReviewer, decision, deliveries, downloadReport, downloadRtstruct, exportRevision, lineage, receivingAes, metrics, openRoom, submission, type Decision, type Metrics, type RevisionEntry, type Submission } from './api';
import { ComparePanel } from './ComparePanel';
import { Lineage } from './Lineage';
import { findingCounts, planTitle, rtStateLabel, siteLabel } from './labels';
import { ReturnedChanges, VersionHistory } from './Resubmission';

/** The consistency report: errors (they block review) apart from warnings (they do not), each naming object and attribute. */
export function Findings(props: { submission: Submission }) {
  const findings = props.submission.findings ?? [];
  const { errors, warnings } = findingCounts(findings);
  return (
    <section class="card" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('rt.consistency')}</h2>
      {props.submission.state === 'AWAITING_OBJECTS' && (
        <>
          <p class="running">{t('rt.awaitingObjects')}</p>
          <ul>{(props.submission.awaiting ?? []).map((a) => <li>{a}</li>)}</ul>
        </>
      )}
      {errors > 0 && <p class="finding ERROR" role="alert">{t('rt.errorsBlock', { n: errors })}</p>}
      {warnings > 0 && <p class="finding WARNING">{t('rt.warningsDoNotBlock', { n: warnings })}</p>}
      {findings.length === 0 && props.submission.state !== 'AWAITING_OBJECTS' && <p>{t('rt.consistent')}</p>}
      <ul aria-label={t('rt.findingList')}>
        {[...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'ERROR' ? -1 : 1)).map((f) => (
          <li class={`finding ${f.severity}`}>
            <strong>{f.severity === 'ERROR' ? t('rt.error') : t('rt.warning')}</strong> · {f.object}
            {f.attribute ? ` · ${f.attribute}` : ''}{f.roi ? ` · ROI ${f.roi}` : ''}: {f.message}
            <div class="muted">{f.code} · {f.sopInstanceUid}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Case managers assign provincial reviewers: radiation oncologists and medical physicists of their hospital. */
function AssignReviewers(props: { id: string }) {
  const [staff, setStaff] = useState<Schemas['StaffMember'][]>([]);
  const [assigned, setAssigned] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const hospital = me.value?.hospital?.id;
    if (!hospital) return;
    api.GET('/api/hospitals/{id}/staff', { params: { path: { id: hospital }, query: { limit: 200 } } }).then(must)
      .then((p) => setStaff((p.items ?? []).filter((s) => ['radiation-oncology', 'medical-physics'].includes(s.discipline ?? ''))))
      .catch(setError);
  }, []);
  const assign = async (s: Schemas['StaffMember']) => {
    try {
      await assignReviewer(props.id, s.id!, s.displayName ?? s.username ?? '');
      setAssigned((a) => [...a, s.id!]);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="card" aria-labelledby="reviewers-title">
      <h2 id="reviewers-title">{t('rt.reviewers')}</h2>
      <ul>
        {staff.map((s) => (
          <li key={s.id}>
            {s.displayName} <span class="muted">{t(`discipline.${s.discipline}` as Key)}</span>{' '}
            {assigned.includes(s.id!) ? <strong>{t('rt.assigned')}</strong>
              : <button type="button" onClick={() => assign(s)}>{t('rt.assignNamed', { name: s.displayName ?? '' })}</button>}
          </li>
        ))}
      </ul>
      <Problem error={error} />
    </section>
  );
}

/**
 * One plan: what was submitted, the consistency report, the revisions and the decision; the reviewers
 * (and case managers) open the live review room from here, case managers assign the reviewers, and the
 * county sees the decision and downloads the accepted RTSTRUCT.
 */
export function SubmissionDetail(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const { route } = useLocation();
  const [s, setS] = useState<Submission | null>(null);
  const [revisions, setRevisions] = useState<RevisionEntry[]>([]);
  const [decided, setDecided] = useState<Decision | null>(null);
  const [error, setError] = useState<unknown>(null);
  // a resubmission starts the wait for the corrected objects again
  const [round, setRound] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const load = async () => {
      try {
        const next = await submission(id);
        if (!live) return;
        setS(next);
        if (['AWAITING_REVIEW', 'RETURNED', 'APPROVED'].includes(next.state ?? '') || (next.submissionVersion ?? 1) > 1) {
          setRevisions(await lineage(id));
          setDecided(await decision(id));
        }
        if (next.state === 'AWAITING_OBJECTS' || next.state === 'BLOCKED') timer = setTimeout(load, 3000);
      } catch (e) {
        if (live) setError(e);
      }
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, round]);

  if (error && !s) return <Problem error={error} />;
  if (!s) return <p aria-busy="true">{t('common.loading')}</p>;
  const provincial = me.value?.hospital?.level === 'PROVINCIAL';
  const enter = async () => {
    try {
      await openRoom(id);
      route(`/rt/${id}/room`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div>
      <div class="titlebar">
        <h1>{t('rt.detail.title', { plan: planTitle(s) })}</h1>
        {provincial && s.state === 'AWAITING_REVIEW' && <button type="button" class="primary" onClick={enter}>{t('rt.openRoom')}</button>}
      </div>
      <div class="grid2">
        <section class="card" aria-labelledby="plan-title">
          <h2 id="plan-title">{t('rt.plan')}</h2>
          <dl class="facts">
            <dt>{t('rt.state')}</dt><dd><strong>{rtStateLabel(s.state)}</strong></dd>
            <dt>{t('rt.site')}</dt><dd>{siteLabel(s.diseaseSite)}</dd>
            <dt>{t('rt.prescription')}</dt>
            <dd>{s.prescription && t('rt.prescriptionShort', { dose: s.prescription.totalDoseGy, fractions: s.prescription.fractions })}</dd>
            <dt>{t('rt.technique')}</dt><dd>{s.technique}</dd>
            <dt>{t('rt.submittedAt')}</dt><dd>{formatDateTime(s.createdAt)} · {s.submittedBy}</dd>
            <dt>{t('rt.study')}</dt><dd>{s.studyInstanceUid}</dd>
            <dt>{t('rt.question')}</dt><dd class="prewrap">{s.question}</dd>
            {s.clinicalNotes && <><dt>{t('rt.notes')}</dt><dd class="prewrap">{s.clinicalNotes}</dd></>}
          </dl>
        </section>
        <Findings submission={s} />
      </div>
      {hasRole('case-manager', 'platform-admin') && s.state === 'AWAITING_REVIEW' && <AssignReviewers id={id} />}
      {decided?.lastReturn && s.state !== 'APPROVED' && (
        <ReturnedChanges submission={s} decision={decided}
          mayResubmit={hasRole('rt-staff') && me.value?.hospital?.id === s.hospitalId}
          onResubmitted={(next) => { setS(next); setRound((r) => r + 1); }} />
      )}
      {(s.submissionVersion ?? 1) > 1 && <VersionHistory id={id} current={s.submissionVersion ?? 1} />}
      {decided && <DecisionSummary decision={decided} submission={s} provincial={provincial} />}
      {revisions.length > 1 && <RevisionDiff id={id} revisions={revisions} />}
      {revisions.length > 0 && (
        <section class="card" aria-labelledby="revisions-title">
          <h2 id="revisions-title">{t('rt.revisions')}</h2>
          <Lineage revisions={revisions} />
        </section>
      )}
      <Problem error={error} />
    </div>
  );
}

/** The numbers between the submitted structure set and any later revision, as the reviewers saw them. */
function RevisionDiff(props: { id: string; revisions: RevisionEntry[] }) {
  const [pair, setPair] = useState({ from: props.revisions[0].number, to: props.revisions[props.revisions.length - 1].number });
  const [rows, setRows] = useState<Metrics[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setRows(null);
    metrics(props.id, pair.from, pair.to).then(setRows).catch(setError);
  }, [pair.from, pair.to]);
  return (
    <>
      <ComparePanel revisions={props.revisions} from={pair.from} to={pair.to} metrics={rows} onPick={(from, to) => setPair({ from, to })} />
      <Problem error={error} />
    </>
  );
}

/**
 * The decision: state, accepted revision and sign-offs; the accepted RTSTRUCT and the review report to
 * download; the reviewers store the accepted revision and send it to one of the county's receiving AEs, and
 * the county sees where it went (its rt.exported notifications about the plan).
 */
function DecisionSummary(props: { decision: Decision; submission: Submission; provincial: boolean }) {
  const d = props.decision;
  const id = props.submission.id!;
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ at?: string; text: string }[]>([]);
  const [aes, setAes] = useState<string[]>([]);
  const [target, setTarget] = useState('');
  const accepted = d.acceptedRevision;
  useEffect(() => {
    if (accepted == null) return;
    if (!props.provincial) {
      deliveries(id).then(setSent).catch(setError);
    } else if (props.submission.hospitalId) {
      // only case managers may list a county's AEs; for the reviewers the server sends to the county's only one
      receivingAes(props.submission.hospitalId).then((list) => {
        setAes(list.map((ae) => ae.aeTitle ?? ''));
        setTarget(list[0]?.aeTitle ?? '');
      }).catch(() => setAes([]));
    }
  }, [id, accepted]);
  const send = async () => {
    setError(null);
    try {
      const e = await exportRevision(id, accepted!, target);
      setSent([{ text: e.forwardedTo ? t('rt.export.sentTo', { n: accepted!, ae: e.forwardedTo }) : t('rt.export.stored', { n: accepted! }) }]);
    } catch (err) {
      setError(err);
    }
  };
  const decidedYet = d.state === 'RETURNED' || d.state === 'APPROVED';
  return (
    <section class="card" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('rt.decision')}</h2>
      <p><strong>{rtStateLabel(d.state)}</strong>
        {accepted != null && ` · ${t('rt.acceptedRevision', { n: accepted })}`}</p>
      <ul>
        {(d.signatures ?? []).map((sig) => (
          <li>{t(`rt.capacity.${sig.capacity}` as Key)} · {sig.signedBy} · R{sig.revision} · {formatDateTime(sig.signedAt)}</li>
        ))}
      </ul>
      <div class="actions">
        {accepted != null && (
          <button type="button" onClick={() => downloadRtstruct(id, accepted).catch(setError)}>
            {t('rt.downloadRtstruct', { n: accepted })}
          </button>
        )}
        {decidedYet && (
          <button type="button" onClick={() => downloadReport(id).catch(setError)}>{t('rt.downloadReport')}</button>
        )}
        {accepted != null && props.provincial && (
          <>
            {aes.length > 0 && (
              <label class="field">
                {t('rt.export.target')}
                <select value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
                  {aes.map((ae) => <option value={ae}>{ae}</option>)}
                </select>
              </label>
            )}
            <button type="button" onClick={send}>{t('rt.export.send', { n: accepted })}</button>
          </>
        )}
      </div>
      {accepted != null && (
        <>
          <h3>{t('rt.export.where')}</h3>
          {sent.length === 0 ? <p class="muted">{t('rt.export.notYet')}</p> : (
            <ul aria-label={t('rt.export.where')}>
              {sent.map((x) => <li>{x.text}{x.at ? ` · ${formatDateTime(x.at)}` : ''}</li>)}
            </ul>
          )}
        </>
      )}
      <Problem error={error} />
    </section>
  );
}
