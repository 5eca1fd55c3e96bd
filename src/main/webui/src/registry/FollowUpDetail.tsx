import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, lang, t } from '../shell/i18n';
import { hasRole, me } from '../shell/me';
import { Problem } from '../shell/Problem';
import { label } from './labels';
import { FollowUpOutcome } from './FollowUpOutcome';

type Schedule = Schemas['ScheduleView'];
type Visit = Schemas['FollowUpVisitView'];

/**
 * One patient's follow-up schedule: its visits (each open one movable to another day, and recorded once), and the
 * hand-over to a community doctor (社区医生) of any alliance hospital.
 */
export function FollowUpDetail() {
  const { params } = useRoute();
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [recording, setRecording] = useState<string | null>(null);
  useEffect(() => {
    api.GET('/api/registry/follow-up-schedules/{id}', { params: { path: { id: params.id } } }).then(must)
      .then(setSchedule).catch(setError);
  }, [params.id]);
  if (!schedule) return error ? <Problem error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  const s = schedule;
  const changed = (next: Schedule) => {
    setSchedule(next);
    setError(null);
  };
  const hospitalSide = s.attendingId === me.value?.id || hasRole('case-manager', 'platform-admin');
  return (
    <section aria-labelledby="followup-heading">
      <h1 id="followup-heading">{t('registry.followUp.title', { name: s.patientName ?? '' })}</h1>
      <dl class="card">
        <dt>{t('registry.patient')}</dt>
        <dd>{s.patientName} · <a href={`/registry/patients/${s.patientId}`}>{t('registry.timeline.open')}</a></dd>
        <dt>{t('registry.site')}</dt><dd>{s.icd10} · {s.stage}</dd>
        <dt>{t('registry.followUp.template')}</dt><dd>{label('template', s.template)}</dd>
        <dt>{t('registry.followUp.attending')}</dt><dd>{s.attending}</dd>
        <dt>{t('registry.followUp.assignee')}</dt>
        <dd>{s.assignee}{s.handedOverAt ? ` · ${t('registry.followUp.handedOverAt', { at: formatDateTime(s.handedOverAt) })}` : ''}</dd>
        {s.deathDate && <><dt>{t('registry.followUp.deathDate')}</dt><dd>{s.deathDate}</dd></>}
      </dl>
      <Problem error={error} />
      {hospitalSide && !s.deathDate && <HandOver schedule={s} onChange={changed} />}
      <section class="card" aria-labelledby="visits-heading">
        <h2 id="visits-heading">{t('registry.followUp.visits')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('registry.followUp.dueOn')}</th>
              <th scope="col">{t('registry.followUp.visit')}</th>
              <th scope="col">{t('registry.state')}</th>
              <th scope="col">{t('registry.followUp.outcome')}</th>
              <th scope="col">{t('registry.followUp.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(s.visits ?? []).map((v) => (
              <>
                <tr key={v.id}>
                  <td>{v.dueOn}</td>
                  <td>{v.title
                    ? <>{v.title} · <a href={`/consults/${v.consultId}`}>{t('registry.followUp.fromBoard')}</a></>
                    : t('registry.followUp.templateVisit')}</td>
                  <td>{label('visitState', v.state)}</td>
                  <td>{outcomeText(v)}</td>
                  <td>{v.state === 'OPEN' && (
                    <VisitActions schedule={s} visit={v} onChange={changed} onError={setError}
                      onRecord={() => setRecording(recording === v.id ? null : v.id!)} />
                  )}</td>
                </tr>
                {recording === v.id && (
                  <tr><td colSpan={5}>
                    <FollowUpOutcome schedule={s} visit={v} onSaved={(next) => { setRecording(null); changed(next); }} />
                  </td></tr>
                )}
              </>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

/** What a made contact found, in one line. */
function outcomeText(v: Visit): string {
  if (v.state !== 'DONE') return '';
  const parts = [t('registry.followUp.contactedOn', { on: v.contactedOn ?? '' })];
  if (!v.reached) {
    parts.push(t('registry.followUp.notReached'));
  } else {
    parts.push(v.vitalStatus === 'DECEASED' ? t('registry.followUp.diedOn', { on: v.deathDate ?? '' })
      : label('vital', v.vitalStatus));
    if (v.recurrence) parts.push(t('registry.followUp.recurrence'));
    if (v.progression) parts.push(t('registry.followUp.progression'));
    if (v.recist) parts.push(`RECIST ${v.recist}`);
  }
  if (v.note) parts.push(v.note);
  if (v.adverseEvents) parts.push(`${t('registry.followUp.adverseEvents')}：${v.adverseEvents}`);
  if (v.nextStep) parts.push(`${t('registry.followUp.nextStep')}：${v.nextStep}`);
  return parts.join(lang.value === 'en' ? '; ' : '；') + (v.reportedBy ? ` — ${v.reportedBy}` : '');
}

function VisitActions(props: { schedule: Schedule; visit: Visit; onChange: (s: Schedule) => void;
  onError: (e: unknown) => void; onRecord: () => void }) {
  const [day, setDay] = useState(props.visit.dueOn ?? '');
  const move = async () => {
    try {
      props.onChange(must(await api.PUT('/api/registry/follow-up-schedules/{id}/visits/{visit}/due-on', {
        params: { path: { id: props.schedule.id!, visit: props.visit.id! } }, body: { dueOn: day },
      })));
    } catch (err) {
      props.onError(err);
    }
  };
  return (
    <div class="actions">
      <input type="date" aria-label={t('registry.followUp.newDay', { on: props.visit.dueOn ?? '' })} value={day}
        onInput={(e) => setDay(e.currentTarget.value)} />
      <button type="button" onClick={move}>{t('registry.followUp.move')}</button>
      <button type="button" class="primary" onClick={props.onRecord}>
        {t('registry.followUp.record', { on: props.visit.dueOn ?? '' })}
      </button>
    </div>
  );
}

function HandOver(props: { schedule: Schedule; onChange: (s: Schedule) => void }) {
  const [hospitals, setHospitals] = useState<Schemas['HospitalView'][]>([]);
  const [hospitalId, setHospitalId] = useState('');
  const [doctors, setDoctors] = useState<Schemas['Doctor'][]>([]);
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/hospitals').then(must).then(setHospitals).catch(setError);
  }, []);
  useEffect(() => {
    setUserId('');
    if (!hospitalId) return setDoctors([]);
    api.GET('/api/registry/follow-up-schedules/doctors', { params: { query: { hospitalId } } }).then(must)
      .then(setDoctors).catch(setError);
  }, [hospitalId]);
  const handOver = async () => {
    try {
      props.onChange(must(await api.PUT('/api/registry/follow-up-schedules/{id}/assignee', {
        params: { path: { id: props.schedule.id! } }, body: { hospitalId, userId },
      })));
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="card actions" aria-labelledby="handover-heading">
      <h2 id="handover-heading">{t('registry.followUp.handOver')}</h2>
      <label class="field">{t('registry.followUp.toHospital')}
        <select value={hospitalId} onChange={(e) => setHospitalId(e.currentTarget.value)}>
          <option value="">—</option>
          {hospitals.map((h) => <option value={h.id}>{lang.value === 'en' ? h.nameEn ?? h.name : h.name}</option>)}
        </select>
      </label>
      <label class="field">{t('registry.followUp.toDoctor')}
        <select value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
          <option value="">—</option>
          {doctors.map((d) => <option value={d.id}>{d.displayName}</option>)}
        </select>
      </label>
      <button type="button" class="primary" disabled={!userId} onClick={handOver}>{t('registry.followUp.handOverButton')}</button>
      <Problem error={error} />
    </section>
  );
}
