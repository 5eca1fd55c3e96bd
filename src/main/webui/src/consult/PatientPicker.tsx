import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { t } from '../shell/i18n';
import { Problem } from '../shell/Problem';

type Patient = Schemas['PatientView'];

function NewPatient(props: { onCreated: (p: Patient) => void }) {
  const [form, setForm] = useState({ localId: '', name: '', sex: 'U', birthDate: '', idCard: '', mrn: '' });
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const field = (key: keyof typeof form, label: string, type: 'text' | 'date' = 'text') => (
    <label class="field">
      {label}
      {type === 'date'
        ? <input type="date" value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
        : <input type="text" value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />}
    </label>
  );
  const create = async (e: Event) => {
    e.preventDefault();
    try {
      const p = must(await api.POST('/api/patients', {
        body: {
          localId: form.localId.trim(), name: form.name.trim(), sex: form.sex,
          birthDate: form.birthDate || undefined, idCard: form.idCard.trim() || undefined, mrn: form.mrn.trim() || undefined,
        },
      }));
      setError(null);
      props.onCreated(p as Patient);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('patient.new')}</button>
      {open && <div class="formgrid">
        {field('localId', t('patient.localId'))}
        {field('name', t('patient.name'))}
        <label class="field">
          {t('patient.sex')}
          <select value={form.sex} onChange={(e) => setForm({ ...form, sex: e.currentTarget.value })}>
            {['M', 'F', 'O', 'U'].map((s) => <option value={s}>{t(`sex.${s}` as 'sex.M')}</option>)}
          </select>
        </label>
        {field('birthDate', t('patient.birthDate'), 'date')}
        {field('idCard', t('patient.idCard'))}
        {field('mrn', t('patient.mrn'))}
        <button type="button" class="primary" onClick={create}>{t('patient.create')}</button>
      </div>}
      <Problem error={error} />
    </div>
  );
}

/** Finds the patient by name (Chinese), local ID, ID card or MRN, or registers them (the server refuses duplicates). */
export function PatientPicker(props: { value: Patient | null; onPick: (p: Patient | null) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Patient[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (props.value) {
    const p = props.value;
    return (
      <p>
        <strong>{p.name}</strong> · {p.localId} {p.mrn ? `· ${p.mrn}` : ''}{' '}
        <button type="button" class="link" onClick={() => props.onPick(null)}>{t('patient.change')}</button>
      </p>
    );
  }
  const search = async (e: Event) => {
    e.preventDefault();
    try {
      setFound(must(await api.GET('/api/patients', { params: { query: { q: q.trim(), limit: 20 } } })).items ?? []);
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div>
      <div class="actions">
        <label class="field grow">
          {t('patient.search')}
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && search(e)} />
        </label>
        <button type="button" onClick={search}>{t('patient.searchButton')}</button>
      </div>
      {found && (
        <ul aria-label={t('patient.results')}>
          {found.map((p) => (
            <li key={p.id}>
              {p.name} · {p.localId} {p.birthDate ?? ''}{' '}
              <button type="button" aria-label={t('patient.pickNamed', { name: p.name ?? '' })} onClick={() => props.onPick(p)}>
                {t('patient.pick')}
              </button>
            </li>
          ))}
          {found.length === 0 && <li>{t('patient.none')}</li>}
        </ul>
      )}
      <Problem error={error} />
      <NewPatient onCreated={props.onPick} />
    </div>
  );
}
