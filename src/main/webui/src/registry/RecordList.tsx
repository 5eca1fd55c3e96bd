import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { hasRole, me } from '../shell/me';
import { Pager } from '../shell/Pager';
import { Problem } from '../shell/Problem';
import { usePaged } from '../shell/usePaged';
import { downloadExport } from './RecordFields';
import './registry.css';

const LIMIT = 50;
const STATES = ['DRAFT', 'CONFIRMED'] as const;
type State = typeof STATES[number];

/** The tumor registry (肿瘤数据库): the records of the hospitals the caller sees, the CSV export and a new record. */
export function RecordList() {
  const [state, setState] = useState<State | ''>('');
  const [error, setError] = useState<unknown>(null);
  const { offset, setOffset, page, error: listError } = usePaged(async (at) => must(await api.GET('/api/registry/records', {
    params: { query: { state: state || undefined, offset: at, limit: LIMIT } },
  })), [state]);
  const rows = page?.items ?? [];
  const csv = () => downloadExport(`/api/registry/records/export.csv${state ? `?state=${state}` : ''}`, 'text/csv',
    'registry-records.csv').catch(setError);
  return (
    <section aria-labelledby="records-title">
      <h1 id="records-title">{t('registry.nav.records')}</h1>
      <div class="filters">
        <label class="field">{t('registry.record.state')}
          <select value={state} onChange={(e) => { setState(e.currentTarget.value as State | ''); setOffset(0); }}>
            <option value="">{t('registry.record.state.all')}</option>
            {STATES.map((s) => <option value={s}>{t(`registry.record.state.${s}`)}</option>)}
          </select>
        </label>
        <button type="button" onClick={csv}>{t('registry.record.csv')}</button>
      </div>
      <Problem error={listError ?? error} />
      {page ? (
        <>
          <table>
            <caption class="visually-hidden">{t('registry.record.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.patient')}</th>
                <th scope="col">{t('registry.record.hospital')}</th>
                <th scope="col">{t('registry.record.primarySite')}</th>
                <th scope="col">{t('registry.record.field.stageGroup')}</th>
                <th scope="col">{t('registry.record.state')}</th>
                <th scope="col">{t('registry.record.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td><a href={`/registry/records/${r.id}`}>{r.patient?.name}</a><div class="muted">{r.patient?.localId}</div></td>
                  <td>{r.hospitalName}</td>
                  <td>{r.content?.icd10 ?? r.primarySite} {r.content?.topography ? `/ ${r.content.topography}` : ''}</td>
                  <td>{r.content?.stageGroup ?? ''}</td>
                  <td>{t(`registry.record.state.${r.state!}`)} · {t('registry.record.revision')} {r.revision}</td>
                  <td>{formatDateTime(r.updatedAt)}<div class="muted">{r.updatedBy}</div></td>
                </tr>
              ))}
              {rows.length === 0 && <tr><td colSpan={6}>{t('registry.none')}</td></tr>}
            </tbody>
          </table>
          <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
        </>
      ) : !listError && <p aria-busy="true">{t('common.loading')}</p>}
      {hasRole('case-manager', 'platform-admin') && <RecordOpen />}
    </section>
  );
}

/** Finds a patient in a hospital's register and opens their record, which fills itself. */
function RecordOpen() {
  const { route } = useLocation();
  const [hospitals, setHospitals] = useState<Schemas['HospitalView'][]>([]);
  const [hospital, setHospital] = useState('');
  const [q, setQ] = useState('');
  const [icd10, setIcd10] = useState('');
  const [found, setFound] = useState<Schemas['PatientView'][] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/hospitals').then(must).then((all) => {
      setHospitals(all);
      setHospital(me.value?.hospital?.id ?? all[0]?.id ?? '');
    }).catch(setError);
  }, []);
  const search = async (e: Event) => {
    e.preventDefault();
    try {
      setFound(must(await api.GET('/api/patients', { params: { query: { hospital, q: q.trim(), limit: 20 } } })).items ?? []);
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const open = async (patientId: string) => {
    try {
      const r = must(await api.POST('/api/registry/records', { body: { patientId, icd10: icd10.trim() || undefined } }));
      route(`/registry/records/${(r as Schemas['RecordView']).id}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="card" onSubmit={search} aria-labelledby="record-open">
      <h2 id="record-open">{t('registry.record.new')}</h2>
      <label class="field">{t('registry.record.new.hospital')}
        <select value={hospital} onChange={(e) => setHospital(e.currentTarget.value)}>
          {hospitals.map((h) => <option value={h.id}>{h.name}</option>)}
        </select>
      </label>
      <label class="field">{t('registry.record.new.query')}
        <input type="text" required value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      <label class="field">{t('registry.record.new.icd10')}
        <input type="text" value={icd10} onInput={(e) => setIcd10(e.currentTarget.value)} />
      </label>
      <button type="submit">{t('registry.record.new.search')}</button>
      <Problem error={error} />
      {found && found.length === 0 && <p>{t('registry.record.new.none')}</p>}
      {found && found.length > 0 && (
        <ul>
          {found.map((p) => (
            <li key={p.id}>
              {p.name} · {p.localId} · {p.birthDate ?? ''}{' '}
              <button type="button" onClick={() => open(p.id!)}>{t('registry.record.new.open', { name: p.name ?? '' })}</button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
