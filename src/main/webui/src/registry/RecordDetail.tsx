import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, must } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { hasRole } from '../shell/me';
import { Problem } from '../shell/Problem';
import { RecordForm } from './RecordForm';
import { SECTIONS, downloadExport, fieldLabel, provenance, shown, type RecordView } from './RecordFields';
import './registry.css';

/**
 * One tumor registry record: the patient's basic information, each field with where it came from, what is missing
 * before confirmation, the case manager's completion and confirmation, the mCODE bundle and the confirmed revisions.
 */
export function RecordDetail() {
  const { params } = useRoute();
  const [record, setRecord] = useState<RecordView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    api.GET('/api/registry/records/{id}', { params: { path: { id: params.id } } }).then(must).then(setRecord).catch(setError);
  }, [params.id]);
  if (!record) return error ? <Problem error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  const id = record.id!;
  const version = record.version!;
  const manager = hasRole('case-manager', 'platform-admin');
  const act = async (call: () => Promise<RecordView>, done: string) => {
    try {
      setRecord(await call());
      setError(null);
      setStatus(done);
    } catch (err) {
      setError(err);
      setStatus('');
    }
  };
  const confirm = () => act(async () => must(await api.POST('/api/registry/records/{id}/confirm', {
    params: { path: { id }, query: { version } },
  })), t('registry.record.state.CONFIRMED'));
  const refill = () => act(async () => must(await api.POST('/api/registry/records/{id}/refill', {
    params: { path: { id }, query: { version } },
  })), t('registry.record.saved'));
  const fhir = () => downloadExport(`/api/registry/records/${id}/fhir`, 'application/fhir+json',
    `registry-record-${id}.fhir.json`).catch(setError);
  const p = record.patient;
  const missing = record.missingForConfirmation ?? [];
  const content = record.content ?? {};
  const from = record.filledFrom ?? {};
  return (
    <section aria-labelledby="record-heading">
      <h1 id="record-heading">{t('registry.record.title', { name: p?.name ?? '' })}</h1>
      <p>
        <strong>{t(`registry.record.state.${record.state!}`)}</strong> · {t('registry.record.revision')} {record.revision}
        {record.confirmedBy && <> · {t('registry.record.confirmedBy', { by: record.confirmedBy, at: formatDateTime(record.confirmedAt) })}</>}
      </p>
      {status && <p role="status">{status}</p>}
      <dl class="card" aria-label={t('registry.record.basic')}>
        <dt>{t('registry.patient')}</dt><dd>{p?.name} · {p?.localId} · {p?.sex ?? ''} · {p?.birthDate ?? ''}{p?.id && <> · <a href={`/registry/patients/${p.id}`}>{t('registry.timeline.open')}</a></>}</dd>
        <dt>{t('registry.record.hospital')}</dt><dd>{record.hospitalName}</dd>
        <dt>{t('registry.record.primarySite')}</dt><dd>{record.primarySite}</dd>
      </dl>
      {SECTIONS.map((s) => (
        <table key={s.key} class="card">
          <caption>{t(s.key)}</caption>
          <tbody>
            {s.fields.map((f) => (
              <tr key={f.name}>
                <th scope="row">{fieldLabel(f.name)}</th>
                <td>{shown(f, content[f.name])}</td>
                <td class="muted">{provenance(from[f.name])}</td>
              </tr>
            ))}
            {s.key === 'registry.record.section.treatment' && (
              <tr>
                <th scope="row">{fieldLabel('treatments')}</th>
                <td>
                  <ol>
                    {(content.treatments ?? []).map((tr) => (
                      <li key={`${tr.modality}-${tr.sequence}`}>
                        {t(`registry.record.modality.${tr.modality!}`)} · {tr.detail ?? ''} · {t(`registry.record.treatmentStatus.${tr.status!}`)}
                      </li>
                    ))}
                  </ol>
                </td>
                <td class="muted">{provenance(from.treatments)}</td>
              </tr>
            )}
          </tbody>
        </table>
      ))}
      {missing.length > 0 && <p class="card">{t('registry.record.missing', { fields: missing.map(fieldLabel).join('、') })}</p>}
      <Problem error={error} />
      <div class="actions">
        <button type="button" onClick={fhir}>{t('registry.record.fhir')}</button>
        {manager && record.state === 'DRAFT' && <button type="button" onClick={refill}>{t('registry.record.refill')}</button>}
        {manager && record.state === 'DRAFT' && (
          <button type="button" class="primary" disabled={missing.length > 0} onClick={confirm}>{t('registry.record.confirm')}</button>
        )}
      </div>
      {manager && <RecordForm record={record} onSaved={(r) => { setRecord(r); setError(null); setStatus(t('registry.record.saved')); }} onError={setError} />}
      {(record.revisions ?? []).length > 0 && (
        <section class="card" aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">{t('registry.record.revisions')}</h2>
          <ul>
            {record.revisions!.map((v) => (
              <li key={v.revision}>
                {t('registry.record.revisionLine', { n: v.revision ?? 0, by: v.confirmedBy ?? '', at: formatDateTime(v.confirmedAt) })}
                {v.amendedBy && <div class="muted">{t('registry.record.amended', { by: v.amendedBy, at: formatDateTime(v.amendedAt), reason: v.amendReason ?? '' })}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
