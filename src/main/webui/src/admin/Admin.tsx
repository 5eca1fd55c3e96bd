import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t, type Key } from '../shell/i18n';
import { hasRole, me } from '../shell/me';
import { Problem } from '../shell/Problem';

type Hospital = Schemas['HospitalView'];
type Ae = Schemas['AeEntry'];
type Staff = Schemas['StaffMember'];
type Job = Schemas['ForwardJobView'];
type AuditEntry = Schemas['AuditEntry'];
type Chain = Schemas['ChainReport'];

function Field(props: { label: string; value: string; onInput: (v: string) => void; required?: boolean; numeric?: boolean }) {
  return (
    <label class="field">
      {props.label}
      {props.numeric
        ? <input type="number" value={props.value} required={props.required} onInput={(e) => props.onInput(e.currentTarget.value)} />
        : <input type="text" value={props.value} required={props.required} onInput={(e) => props.onInput(e.currentTarget.value)} />}
    </label>
  );
}

/** The hospitals of the alliance; a platform admin onboards a new one (Keycloak organization and its admin). */
export function AdminHospitals() {
  const [list, setList] = useState<Hospital[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ alias: '', name: '', nameEn: '', level: 'COUNTY', username: '', email: '', familyName: '', givenName: '' });
  const [done, setDone] = useState<string | null>(null);
  const load = () => api.GET('/api/hospitals').then(must).then(setList).catch(setError);
  useEffect(() => {
    load();
  }, []);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const onboard = async (e: Event) => {
    e.preventDefault();
    try {
      setError(null);
      await api.POST('/api/hospitals', { body: {
        alias: form.alias, name: form.name, nameEn: form.nameEn || undefined, level: form.level as 'COUNTY' | 'PROVINCIAL',
        admin: { username: form.username, email: form.email, familyName: form.familyName, givenName: form.givenName },
      } }).then((r) => {
        if (r.error) must(r);
      });
      setDone(t('admin.onboarded', { name: form.name }));
      load();
    } catch (x) {
      setError(x);
    }
  };
  return (
    <section aria-labelledby="hospitals-title">
      <h1 id="hospitals-title">{t('admin.hospitals')}</h1>
      <Problem error={error} />
      {!list ? <p aria-busy="true">{t('common.loading')}</p> : (
        <table>
          <caption class="visually-hidden">{t('admin.hospitals')}</caption>
          <thead><tr>
            <th scope="col">{t('admin.hospitalName')}</th><th scope="col">{t('admin.alias')}</th><th scope="col">{t('admin.level')}</th>
          </tr></thead>
          <tbody>
            {list.map((h) => (
              <tr key={h.id}>
                <td><a href={`/admin/hospitals/${h.id}`}>{h.name}</a>{h.nameEn && <div class="muted">{h.nameEn}</div>}</td>
                <td>{h.alias}</td>
                <td>{t(`admin.level.${h.level}` as Key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasRole('platform-admin') && (
        <form class="card" onSubmit={onboard} aria-labelledby="onboard-title">
          <h2 id="onboard-title">{t('admin.onboard')}</h2>
          <div class="row">
            <Field label={t('admin.alias')} value={form.alias} onInput={set('alias')} required />
            <Field label={t('admin.hospitalName')} value={form.name} onInput={set('name')} required />
            <Field label={t('admin.nameEn')} value={form.nameEn} onInput={set('nameEn')} />
            <label class="field">
              {t('admin.level')}
              <select value={form.level} onChange={(e) => set('level')(e.currentTarget.value)}>
                <option value="COUNTY">{t('admin.level.COUNTY')}</option>
                <option value="PROVINCIAL">{t('admin.level.PROVINCIAL')}</option>
              </select>
            </label>
          </div>
          <div class="row">
            <Field label={t('admin.adminUsername')} value={form.username} onInput={set('username')} required />
            <Field label={t('admin.adminEmail')} value={form.email} onInput={set('email')} required />
            <Field label={t('admin.familyName')} value={form.familyName} onInput={set('familyName')} required />
            <Field label={t('admin.givenName')} value={form.givenName} onInput={set('givenName')} required />
          </div>
          <button type="submit" class="primary">{t('admin.onboardButton')}</button>
          {done && <p role="status">{done}</p>}
        </form>
      )}
    </section>
  );
}

/** One hospital: its DICOM application entities (register, remove) and its staff directory. */
export function AdminHospital(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [hospital, setHospital] = useState<Hospital | null>(null);
  const [aes, setAes] = useState<Ae[] | null>(null);
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [role, setRole] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [ae, setAe] = useState({ aeTitle: '', host: '', port: '104', description: '' });
  const manages = hasRole('platform-admin') || (hasRole('hospital-admin') && me.value?.hospital?.id === id);
  const loadAes = () => api.GET('/api/hospitals/{hospitalId}/application-entities', { params: { path: { hospitalId: id } } })
    .then(must).then(setAes).catch(setError);
  useEffect(() => {
    api.GET('/api/hospitals/{id}', { params: { path: { id } } }).then(must).then(setHospital).catch(setError);
    loadAes();
  }, [id]);
  useEffect(() => {
    api.GET('/api/hospitals/{id}/staff', { params: { path: { id }, query: { role: role || undefined, limit: 100 } } })
      .then(must).then((p) => setStaff(p.items ?? [])).catch(setError);
  }, [id, role]);
  const register = async (e: Event) => {
    e.preventDefault();
    try {
      setError(null);
      const r = await api.POST('/api/hospitals/{hospitalId}/application-entities', { params: { path: { hospitalId: id } }, body: {
        aeTitle: ae.aeTitle, host: ae.host, port: Number(ae.port), description: ae.description || undefined,
        mayStore: true, mayQuery: true, mayReceive: true,
      } });
      if (r.error) must(r);
      setAe({ aeTitle: '', host: '', port: '104', description: '' });
      loadAes();
    } catch (x) {
      setError(x);
    }
  };
  const remove = async (a: Ae) => {
    try {
      const r = await api.DELETE('/api/hospitals/{hospitalId}/application-entities/{aeId}', { params: { path: { hospitalId: id, aeId: a.id! } } });
      if (r.error) must(r);
      loadAes();
    } catch (x) {
      setError(x);
    }
  };
  return (
    <section aria-labelledby="hospital-title">
      <h1 id="hospital-title">{hospital?.name ?? t('common.loading')}</h1>
      <p><a href="/admin/hospitals">{t('admin.backToHospitals')}</a></p>
      <Problem error={error} />
      <section class="card" aria-labelledby="ae-title">
        <h2 id="ae-title">{t('admin.aes')}</h2>
        {!aes ? <p aria-busy="true">{t('common.loading')}</p> : (
          <table>
            <caption class="visually-hidden">{t('admin.aes')}</caption>
            <thead><tr>
              <th scope="col">{t('admin.aeTitle')}</th><th scope="col">{t('admin.address')}</th>
              <th scope="col">{t('admin.permissions')}</th><th scope="col">{t('admin.description')}</th>
              <th scope="col"><span class="visually-hidden">{t('meeting.actions')}</span></th>
            </tr></thead>
            <tbody>
              {aes.map((a) => (
                <tr key={a.id}>
                  <td>{a.aeTitle}</td>
                  <td>{`${a.host}:${a.port}`}</td>
                  <td>{[a.mayStore && t('admin.mayStore'), a.mayQuery && t('admin.mayQuery'), a.mayReceive && t('admin.mayReceive')].filter(Boolean).join(' · ')}</td>
                  <td>{a.description}</td>
                  <td>{manages && <button type="button" onClick={() => remove(a)}>{t('admin.removeAe', { ae: a.aeTitle ?? '' })}</button>}</td>
                </tr>
              ))}
              {aes.length === 0 && <tr><td colSpan={5}>{t('admin.noAes')}</td></tr>}
            </tbody>
          </table>
        )}
        {manages && (
          <form class="row" onSubmit={register} aria-label={t('admin.registerAe')}>
            <Field label={t('admin.aeTitle')} value={ae.aeTitle} onInput={(v) => setAe({ ...ae, aeTitle: v })} required />
            <Field label={t('admin.host')} value={ae.host} onInput={(v) => setAe({ ...ae, host: v })} required />
            <Field label={t('admin.port')} value={ae.port} onInput={(v) => setAe({ ...ae, port: v })} required numeric />
            <Field label={t('admin.description')} value={ae.description} onInput={(v) => setAe({ ...ae, description: v })} />
            <button type="submit" class="primary">{t('admin.registerAe')}</button>
          </form>
        )}
      </section>
      <section class="card" aria-labelledby="staff-title">
        <h2 id="staff-title">{t('admin.staff')}</h2>
        <label class="field">
          {t('admin.role')}
          <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            <option value="">{t('admin.anyRole')}</option>
            {['clinician', 'specialist', 'case-manager', 'rt-staff', 'hospital-admin', 'platform-admin'].map((r) => (
              <option value={r}>{t(`role.${r}` as Key)}</option>
            ))}
          </select>
        </label>
        {!staff ? <p aria-busy="true">{t('common.loading')}</p> : (
          <table>
            <caption class="visually-hidden">{t('admin.staff')}</caption>
            <thead><tr>
              <th scope="col">{t('admin.person')}</th><th scope="col">{t('admin.username')}</th>
              <th scope="col">{t('admin.role')}</th><th scope="col">{t('admin.discipline')}</th>
            </tr></thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <td>{s.displayName}</td><td>{s.username}</td>
                  <td>{(s.roles ?? []).map((r) => t(`role.${r}` as Key)).join('、')}</td>
                  <td>{s.discipline ? t(`discipline.${s.discipline}` as Key) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

/** The hospital's C-STORE forwarding jobs with their retry state. */
export function AdminForwarding() {
  const [state, setState] = useState('');
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.GET('/api/forwarding', { params: { query: { state: state || undefined, limit: 100 } } })
      .then(must).then((p) => setJobs(p.items ?? [])).catch(setError);
  }, [state]);
  return (
    <section aria-labelledby="forwarding-title">
      <h1 id="forwarding-title">{t('admin.forwarding')}</h1>
      <label class="field">
        {t('admin.jobState')}
        <select value={state} onChange={(e) => setState(e.currentTarget.value)}>
          <option value="">{t('admin.anyState')}</option>
          {['PENDING', 'DONE', 'FAILED'].map((s) => <option value={s}>{t(`admin.job.${s}` as Key)}</option>)}
        </select>
      </label>
      <Problem error={error} />
      {!jobs ? <p aria-busy="true">{t('common.loading')}</p> : (
        <table>
          <caption class="visually-hidden">{t('admin.forwarding')}</caption>
          <thead><tr>
            <th scope="col">{t('admin.targetAe')}</th><th scope="col">{t('admin.instance')}</th><th scope="col">{t('admin.jobState')}</th>
            <th scope="col">{t('admin.attempts')}</th><th scope="col">{t('admin.nextAttempt')}</th><th scope="col">{t('admin.lastError')}</th>
          </tr></thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id}>
                <td>{j.targetAe}</td><td class="muted">{j.sopInstanceUid ?? j.studyUid}</td>
                <td>{t(`admin.job.${j.state}` as Key)}</td><td>{j.attempts}</td>
                <td>{j.state === 'PENDING' ? formatDateTime(j.nextAttemptAt) : ''}</td><td>{j.lastError}</td>
              </tr>
            ))}
            {jobs.length === 0 && <tr><td colSpan={6}>{t('admin.noJobs')}</td></tr>}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The audit trail with its filters, and the check of its hash chain. */
export function AdminAudit() {
  const [filter, setFilter] = useState({ actor: '', action: '', target: '', outcome: '' });
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [chain, setChain] = useState<Chain | null>(null);
  const [error, setError] = useState<unknown>(null);
  const search = (e?: Event) => {
    e?.preventDefault();
    api.GET('/api/audit', { params: { query: {
      actor: filter.actor || undefined, action: filter.action || undefined, target: filter.target || undefined,
      outcome: (filter.outcome || undefined) as never, limit: 50,
    } } }).then(must).then((p) => {
      setRows(p.items ?? []);
      setTotal(p.total ?? 0);
    }).catch(setError);
  };
  useEffect(() => search(), []);
  const verify = () => api.GET('/api/audit/verify').then(must).then(setChain).catch(setError);
  const set = (k: keyof typeof filter) => (v: string) => setFilter({ ...filter, [k]: v });
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('admin.audit')}</h1>
      <form class="row" onSubmit={search} aria-label={t('admin.auditFilters')}>
        <Field label={t('admin.actor')} value={filter.actor} onInput={set('actor')} />
        <Field label={t('admin.action')} value={filter.action} onInput={set('action')} />
        <Field label={t('admin.target')} value={filter.target} onInput={set('target')} />
        <label class="field">
          {t('admin.outcome')}
          <select value={filter.outcome} onChange={(e) => set('outcome')(e.currentTarget.value)}>
            <option value="">{t('admin.anyOutcome')}</option>
            {['SUCCESS', 'DENIED', 'FAILED'].map((o) => <option value={o}>{t(`admin.outcome.${o}` as Key)}</option>)}
          </select>
        </label>
        <button type="submit" class="primary">{t('admin.search')}</button>
      </form>
      <div class="actions">
        <button type="button" onClick={verify}>{t('admin.verifyChain')}</button>
        {chain && (
          <p role="status">{chain.intact ? t('admin.chainIntact', { n: chain.rowsChecked ?? 0 })
            : t('admin.chainBroken', { seq: chain.firstBrokenSeq ?? 0, reason: chain.reason ?? '' })}</p>
        )}
      </div>
      <Problem error={error} />
      {!rows ? <p aria-busy="true">{t('common.loading')}</p> : (
        <table>
          <caption>{t('admin.auditShown', { n: rows.length, total })}</caption>
          <thead><tr>
            <th scope="col">{t('admin.at')}</th><th scope="col">{t('admin.actor')}</th><th scope="col">{t('admin.action')}</th>
            <th scope="col">{t('admin.target')}</th><th scope="col">{t('admin.outcome')}</th><th scope="col">{t('admin.detail')}</th>
          </tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq}>
                <td>{formatDateTime(r.at)}</td><td>{r.actor}</td><td>{r.action}</td><td>{r.target}</td>
                <td>{t(`admin.outcome.${r.outcome}` as Key)}</td><td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
