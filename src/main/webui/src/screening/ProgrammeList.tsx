import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { t } from '../shell/i18n';
import { hasRole, me } from '../shell/me';
import { Pager } from '../shell/Pager';
import { Problem } from '../shell/Problem';
import { usePaged } from '../shell/usePaged';
import { RATES, percent } from './figures';

type Hospital = Schemas['HospitalView'];
const LIMIT = 20;

/** A case manager starts a programme: name, cancer, year, and each member unit's target population. */
function NewProgramme() {
  const { route } = useLocation();
  const [hospitals, setHospitals] = useState<Hospital[]>([]);
  const [name, setName] = useState('');
  const [site, setSite] = useState('C18-C20');
  const [year, setYear] = useState(new Date().getFullYear());
  const [targets, setTargets] = useState<{ hospitalId: string; population: number }[]>([
    { hospitalId: me.value?.hospital?.id ?? '', population: 1000 },
  ]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/hospitals').then((r) => setHospitals((must(r) as Hospital[]) ?? [])).catch(setError);
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const created = must(await api.POST('/api/screening/programmes', { body: { name, site, year, targets } }));
      route(`/screening/${created.id}`);
    } catch (err) {
      setError(err);
    }
  };
  const setTarget = (i: number, change: Partial<{ hospitalId: string; population: number }>) =>
    setTargets(targets.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return (
    <details class="card">
      <summary>{t('screening.new')}</summary>
      <form onSubmit={submit}>
        <div class="filters">
          <label class="field grow">{t('screening.name')}
            <input required maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label class="field">{t('screening.site')}
            <input required value={site} onInput={(e) => setSite(e.currentTarget.value)} />
          </label>
          <label class="field">{t('screening.year')}
            <input type="number" required min={2000} max={2100} value={year}
              onInput={(e) => setYear(Number(e.currentTarget.value))} />
          </label>
        </div>
        {targets.map((x, i) => (
          <div class="filters">
            <label class="field">{t('screening.hospital')}
              <select required value={x.hospitalId} onChange={(e) => setTarget(i, { hospitalId: e.currentTarget.value })}>
                <option value="" />
                {hospitals.map((h) => <option value={h.id}>{h.name}</option>)}
              </select>
            </label>
            <label class="field">{t('screening.target')}
              <input type="number" required min={1} value={x.population}
                onInput={(e) => setTarget(i, { population: Number(e.currentTarget.value) })} />
            </label>
          </div>
        ))}
        <div class="actions">
          <button type="button" onClick={() => setTargets([...targets, { hospitalId: '', population: 1000 }])}>
            {t('screening.addTarget')}
          </button>
          <button type="submit" class="primary">{t('screening.create')}</button>
        </div>
        <Problem error={error} />
      </form>
    </details>
  );
}

/** The programmes of the caller's units with their headline rates. */
export function ProgrammeList() {
  const { offset, setOffset, page, error } = usePaged(async (at) => must(await api.GET('/api/screening/programmes', {
    params: { query: { offset: at, limit: LIMIT } },
  })), []);
  return (
    <section aria-labelledby="screening-title">
      <h1 id="screening-title">{t('screening.title')}</h1>
      {hasRole('case-manager', 'platform-admin') && <NewProgramme />}
      <Problem error={error} />
      {page ? (
        (page.items ?? []).length === 0 ? <p>{t('screening.none')}</p> : (
          <>
            <table>
              <caption class="visually-hidden">{t('screening.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('screening.name')}</th>
                  <th scope="col">{t('screening.year')}</th>
                  <th scope="col">{t('screening.site')}</th>
                  {RATES.map((r) => <th scope="col">{t(r.label)}</th>)}
                </tr>
              </thead>
              <tbody>
                {(page.items ?? []).map((p) => (
                  <tr>
                    <td><a href={`/screening/${p.id}`}>{p.name}</a></td>
                    <td>{p.year}</td>
                    <td>{p.site}</td>
                    {RATES.map((r) => <td>{percent(p.total?.[r.field] as number | null | undefined)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
          </>
        )
      ) : !error && <p aria-busy="true">{t('common.loading')}</p>}
    </section>
  );
}
