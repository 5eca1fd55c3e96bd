import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { t, type Key } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { CERTAINTIES, DETECTIONS, label } from './labels';

type Form = {
  localId: string; name: string; sex: string; birthDate: string; idCard: string;
  certainty: string; icd10: string; topography: string; detection: string; finding: string; phone: string;
};

/**
 * A new-tumor report in under a minute, from any member unit: the patient by local ID and name (found or
 * registered by the server, never twice), certainty, site codes, how it was found and the finding.
 */
export function NewReport() {
  const { route } = useLocation();
  const [f, setF] = useState<Form>({
    localId: '', name: '', sex: 'U', birthDate: '', idCard: '', certainty: 'SUSPECTED', icd10: '', topography: '',
    detection: 'SCREENING', finding: '', phone: '',
  });
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof Form) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const text = (k: keyof Form, key: Key, required = false) => (
    <label class="field">{t(key)}<input type="text" required={required} value={f[k]} onInput={set(k)} /></label>
  );
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const r = must(await api.POST('/api/registry/reports', {
        body: {
          patient: {
            localId: f.localId.trim(), name: f.name.trim(), sex: f.sex, birthDate: f.birthDate || undefined,
            idCard: f.idCard.trim() || undefined,
          },
          certainty: f.certainty as Schemas['Certainty'], icd10: f.icd10.trim(), topography: f.topography.trim(),
          detection: f.detection as Schemas['Detection'], finding: f.finding, reporterPhone: f.phone.trim() || undefined,
        },
      }));
      route(`/registry/reports/${(r as Schemas['ReportView']).id}?sent=1`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="report-title">
      <h1 id="report-title">{t('registry.nav.newReport')}</h1>
      <section class="card" aria-labelledby="report-patient">
        <h2 id="report-patient">{t('registry.patient')}</h2>
        <p class="muted">{t('registry.patient.hint')}</p>
        <div class="formgrid">
          {text('localId', 'registry.patient.localId', true)}
          {text('name', 'registry.patient.name', true)}
          <label class="field">
            {t('registry.patient.sex')}
            <select value={f.sex} onChange={set('sex')}>
              {['M', 'F', 'O', 'U'].map((s) => <option value={s}>{t(`sex.${s}` as Key)}</option>)}
            </select>
          </label>
          <label class="field">{t('registry.patient.birthDate')}<input type="date" value={f.birthDate} onInput={set('birthDate')} /></label>
          {text('idCard', 'registry.patient.idCard')}
        </div>
      </section>
      <section class="card" aria-labelledby="report-tumor">
        <h2 id="report-tumor">{t('registry.report.details')}</h2>
        <div class="formgrid">
          <label class="field">
            {t('registry.certainty')}
            <select value={f.certainty} onChange={set('certainty')}>
              {CERTAINTIES.map((c) => <option value={c}>{label('certainty', c)}</option>)}
            </select>
          </label>
          {text('icd10', 'registry.icd10', true)}
          {text('topography', 'registry.topography', true)}
          <label class="field">
            {t('registry.detection')}
            <select value={f.detection} onChange={set('detection')}>
              {DETECTIONS.map((d) => <option value={d}>{label('detection', d)}</option>)}
            </select>
          </label>
          {text('phone', 'registry.reporterPhone')}
        </div>
        <label class="field">
          {t('registry.finding')}
          <textarea rows={3} required value={f.finding} onInput={set('finding')} />
        </label>
      </section>
      <Problem error={error} />
      <button type="submit" class="primary">{t('registry.submit')}</button>
    </form>
  );
}
