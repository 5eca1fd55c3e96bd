import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { errorsByField } from './followUp';
import { label } from './labels';

type Schedule = Schemas['ScheduleView'];
type Visit = Schemas['FollowUpVisitView'];

const RECIST = ['CR', 'PR', 'SD', 'PD', 'NE'] as const;

/**
 * A contact attempt and its outcome: reached or not, alive or deceased (with the date), recurrence, progression,
 * RECIST 1.1 response, adverse events and the next step. The server's problems are shown beside their fields.
 */
export function FollowUpOutcome(props: { schedule: Schedule; visit: Visit; onSaved: (s: Schedule) => void }) {
  const today = new Date().toISOString().slice(0, 10);
  const [contactedOn, setContactedOn] = useState(today);
  const [reached, setReached] = useState(true);
  const [vital, setVital] = useState<'' | 'ALIVE' | 'DECEASED'>('ALIVE');
  const [deathDate, setDeathDate] = useState('');
  const [recurrence, setRecurrence] = useState(false);
  const [progression, setProgression] = useState(false);
  const [recist, setRecist] = useState('');
  const [adverse, setAdverse] = useState('');
  const [next, setNext] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const wrong = errorsByField(error);

  const save = async (e: Event) => {
    e.preventDefault();
    const body: Schemas['OutcomeRequest'] = {
      contactedOn, reached,
      vitalStatus: reached && vital ? vital : undefined,
      deathDate: reached && vital === 'DECEASED' && deathDate ? deathDate : undefined,
      recurrence: reached ? recurrence : undefined,
      progression: reached ? progression : undefined,
      recist: reached && recist ? recist as Schemas['OutcomeRequest']['recist'] : undefined,
      adverseEvents: adverse || undefined,
      nextStep: next || undefined,
      note: note || undefined,
    };
    try {
      props.onSaved(must(await api.POST('/api/registry/follow-up-schedules/{id}/visits/{visit}/outcome', {
        params: { path: { id: props.schedule.id!, visit: props.visit.id! } }, body,
      })));
    } catch (err) {
      setError(err);
    }
  };
  const v = props.visit.id;
  return (
    <form class="card outcome" aria-label={t('registry.followUp.record', { on: props.visit.dueOn ?? '' })} onSubmit={save}>
      <Field id={`${v}-contactedOn`} label={t('registry.followUp.contactDate')} problem={wrong.contactedOn}>
        <input id={`${v}-contactedOn`} type="date" value={contactedOn} required
          aria-invalid={wrong.contactedOn ? 'true' : undefined} aria-describedby={wrong.contactedOn ? `${v}-contactedOn-problem` : undefined}
          onInput={(e) => setContactedOn(e.currentTarget.value)} />
      </Field>
      <fieldset>
        <legend>{t('registry.followUp.reachedQuestion')}</legend>
        <label><input type="radio" name={`${v}-reached`} checked={reached} onChange={() => setReached(true)} />
          {t('registry.followUp.reached')}</label>
        <label><input type="radio" name={`${v}-reached`} checked={!reached} onChange={() => setReached(false)} />
          {t('registry.followUp.notReached')}</label>
      </fieldset>
      {reached && (
        <>
          <Field id={`${v}-vitalStatus`} label={t('registry.followUp.vitalStatus')} problem={wrong.vitalStatus}>
            <select id={`${v}-vitalStatus`} value={vital} aria-invalid={wrong.vitalStatus ? 'true' : undefined}
              aria-describedby={wrong.vitalStatus ? `${v}-vitalStatus-problem` : undefined}
              onChange={(e) => setVital(e.currentTarget.value as '' | 'ALIVE' | 'DECEASED')}>
              <option value="">—</option>
              <option value="ALIVE">{label('vital', 'ALIVE')}</option>
              <option value="DECEASED">{label('vital', 'DECEASED')}</option>
            </select>
          </Field>
          {vital === 'DECEASED' && (
            <Field id={`${v}-deathDate`} label={t('registry.followUp.deathDate')} problem={wrong.deathDate}>
              <input id={`${v}-deathDate`} type="date" value={deathDate} aria-invalid={wrong.deathDate ? 'true' : undefined}
                aria-describedby={wrong.deathDate ? `${v}-deathDate-problem` : undefined}
                onInput={(e) => setDeathDate(e.currentTarget.value)} />
            </Field>
          )}
          <label><input type="checkbox" checked={recurrence} onChange={(e) => setRecurrence(e.currentTarget.checked)} />
            {t('registry.followUp.recurrence')}</label>
          <label><input type="checkbox" checked={progression} onChange={(e) => setProgression(e.currentTarget.checked)} />
            {t('registry.followUp.progression')}</label>
          <Field id={`${v}-recist`} label={t('registry.followUp.recist')} problem={wrong.recist}>
            <select id={`${v}-recist`} value={recist} onChange={(e) => setRecist(e.currentTarget.value)}>
              <option value="">—</option>
              {RECIST.map((r) => <option value={r}>{label('recist', r)}</option>)}
            </select>
          </Field>
        </>
      )}
      <Field id={`${v}-note`} label={props.visit.title ? t('registry.followUp.noteFor', { title: props.visit.title })
        : t('registry.followUp.note')} problem={wrong.note}>
        <textarea id={`${v}-note`} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
      <Field id={`${v}-adverse`} label={t('registry.followUp.adverseEvents')} problem={wrong.adverseEvents}>
        <textarea id={`${v}-adverse`} rows={2} value={adverse} onInput={(e) => setAdverse(e.currentTarget.value)} />
      </Field>
      <Field id={`${v}-next`} label={t('registry.followUp.nextStep')} problem={wrong.nextStep}>
        <textarea id={`${v}-next`} rows={2} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
      </Field>
      {error && Object.keys(wrong).length === 0 && <Problem error={error} />}
      <button type="submit" class="primary">{t('registry.followUp.save')}</button>
    </form>
  );
}

/** A labelled field with the server's problem for it, if any, right below. */
function Field(props: { id: string; label: string; problem?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.problem && <p id={`${props.id}-problem`} role="alert" class="field-problem">{props.problem}</p>}
    </div>
  );
}
