import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { label } from './labels';
import { greenText } from './ReferralList';

type Referral = Schemas['ReferralView'];
type Item = Schemas['ReferralItemView'];

/** One referral: what it carries, its history, and the receiving hospital's moves and recognition of results. */
export function ReferralDetail() {
  const { params } = useRoute();
  const [referral, setReferral] = useState<Referral | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [appointment, setAppointment] = useState('');
  const [bed, setBed] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    api.GET('/api/registry/referrals/{id}', { params: { path: { id: params.id } } }).then(must).then(setReferral)
      .catch(setError);
  }, [params.id]);
  if (!referral) return error ? <Problem error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  const r = referral;
  const act = async (call: () => Promise<Referral>) => {
    try {
      setReferral(await call());
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const move = (action: Schemas['ReferralAction'], extra: Partial<Schemas['ReferralTransition']> = {}) => act(async () =>
    must(await api.POST('/api/registry/referrals/{id}/transitions', {
      params: { path: { id: r.id! } }, body: { action, version: r.version!, ...extra },
    })));
  const allowed = new Set(r.allowedActions ?? []);
  return (
    <section aria-labelledby="referral-heading">
      <h1 id="referral-heading">{t('registry.referral.title', { name: r.patientName ?? '' })}</h1>
      <dl class="card">
        <dt>{t('registry.direction')}</dt><dd>{label('direction', r.direction)}</dd>
        <dt>{t('registry.state')}</dt><dd>{label('state', r.state)}</dd>
        <dt>{t('registry.patient')}</dt><dd>{r.patientName} · {r.patientLocalId} · <a href={`/registry/patients/${r.patientId}`}>{t('registry.timeline.open')}</a></dd>
        <dt>{t('registry.from')}</dt><dd>{r.fromHospitalName}</dd>
        <dt>{t('registry.referral.to')}</dt><dd>{r.toHospitalName}</dd>
        {r.toDoctor && <><dt>{t('registry.referral.doctor')}</dt><dd>{r.toDoctor}</dd></>}
        <dt>{t('registry.greenChannel')}</dt><dd>{greenText(r.greenChannel)}</dd>
        <dt>{t('registry.referral.reason')}</dt><dd>{r.reason}</dd>
        {r.plan && <><dt>{t('registry.referral.plan')}</dt><dd>{r.plan}</dd></>}
        <dt>{t('registry.referral.requestedBy')}</dt><dd>{r.requestedBy} · {formatDateTime(r.requestedAt)}</dd>
        {(r.appointment || r.appointmentAt) && <><dt>{t('registry.referral.appointment')}</dt>
          <dd>{r.appointment} {formatDateTime(r.appointmentAt)}</dd></>}
        {r.bed && <><dt>{t('registry.referral.bed')}</dt><dd>{r.bed}</dd></>}
        {r.declineReason && <><dt>{t('registry.referral.declineReason')}</dt><dd>{r.declineReason}</dd></>}
      </dl>
      <Problem error={error} />
      {allowed.has('ACCEPT') && (
        <div class="card actions">
          <label class="field">{t('registry.referral.appointment')}
            <input type="text" value={appointment} onInput={(e) => setAppointment(e.currentTarget.value)} />
          </label>
          <label class="field">{t('registry.referral.bed')}
            <input type="text" value={bed} onInput={(e) => setBed(e.currentTarget.value)} />
          </label>
          <button type="button" class="primary" onClick={() => move('ACCEPT', { appointment, bed })}>{t('registry.action.ACCEPT')}</button>
        </div>
      )}
      {allowed.has('DECLINE') && (
        <div class="card actions">
          <label class="field">{t('registry.referral.declineReason')}
            <input type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="button" onClick={() => move('DECLINE', { note: reason })}>{t('registry.action.DECLINE')}</button>
        </div>
      )}
      {allowed.has('ARRIVE') && <button type="button" class="primary" onClick={() => move('ARRIVE')}>{t('registry.action.ARRIVE')}</button>}
      {allowed.has('COMPLETE') && <button type="button" class="primary" onClick={() => move('COMPLETE')}>{t('registry.action.COMPLETE')}</button>}
      <section class="card" aria-label={t('registry.referral.items')}>
        <h2>{t('registry.referral.items')}</h2>
        <ul>
          {(r.items ?? []).map((i) => <ItemRow item={i} referral={r} onChange={setReferral} onError={setError} />)}
          {(r.items ?? []).length === 0 && <li>{t('registry.none')}</li>}
        </ul>
      </section>
      <section class="card" aria-label={t('registry.referral.history')}>
        <h2>{t('registry.referral.history')}</h2>
        <ol>
          {(r.events ?? []).map((e) => (
            <li>{formatDateTime(e.at)} · {e.actor} · {label('state', e.toState)}{e.note ? `（${e.note}）` : ''}</li>
          ))}
        </ol>
      </section>
    </section>
  );
}

function ItemRow(props: { item: Item; referral: Referral; onChange: (r: Referral) => void; onError: (e: unknown) => void }) {
  const i = props.item;
  const r = props.referral;
  const [why, setWhy] = useState('');
  const decide = async (recognition: Schemas['Recognition'], reason?: string) => {
    try {
      props.onChange(must(await api.POST('/api/registry/referrals/{id}/items/{item}/recognition', {
        params: { path: { id: r.id!, item: i.id! } }, body: { recognition, reason },
      })));
    } catch (err) {
      props.onError(err);
    }
  };
  const title = i.title ?? '';
  return (
    <li>
      <strong>{label('item', i.kind)}</strong> {title}{i.text ? `：${i.text}` : ''}
      {i.recognition && <span class="arranged">{label('recognition', i.recognition)}{i.recognitionReason ? `（${i.recognitionReason}）` : ''} · {i.recognisedBy}</span>}
      {r.receiving && r.state !== 'DECLINED' && (
        <div class="actions">
          <button type="button" onClick={() => decide('RECOGNISED')}>{t('registry.item.recognise', { title })}</button>
          <input type="text" aria-label={t('registry.item.repeatReason', { title })} value={why} onInput={(e) => setWhy(e.currentTarget.value)} />
          <button type="button" onClick={() => decide('REPEATED', why)}>{t('registry.item.repeat', { title })}</button>
        </div>
      )}
    </li>
  );
}
