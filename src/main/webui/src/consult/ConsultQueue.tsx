import { useMemo, useState } from 'preact/hooks';
import { api, must } from '../api/client';
import { t } from '../shell/i18n';
import { Pager } from '../shell/Pager';
import { usePaged } from '../shell/usePaged';
import { Problem } from '../shell/Problem';
import { ConsultTable } from './ConsultTable';
import { DISCIPLINES, STATES, URGENCIES, disciplineLabel, stateLabel, urgencyLabel } from './labels';

type State = (typeof STATES)[number];
const LIMIT = 50;

/**
 * The case managers' triage queue as the server orders it (green channel first, then urgent, then by
 * priority and age), with its SLA clocks; hospital, urgency and discipline narrow the page shown.
 */
export function ConsultQueue() {
  const [state, setState] = useState<State | ''>('REQUESTED');
  const [hospital, setHospital] = useState('');
  const [urgency, setUrgency] = useState('');
  const [discipline, setDiscipline] = useState('');
  const { offset, setOffset, page, error } = usePaged(async (at) => must(await api.GET('/api/consult-queue', {
    params: { query: { state: state || undefined, offset: at, limit: LIMIT } },
  })), [state]);

  const items = page?.items ?? [];
  const hospitals = useMemo(() => [...new Set(items.map((c) => c.hospitalName ?? ''))].filter(Boolean), [items]);
  const rows = items.filter((c) => (!hospital || c.hospitalName === hospital)
    && (!urgency || c.urgency === urgency)
    && (!discipline || (c.requestedDisciplines ?? []).includes(discipline)));

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('nav.queue')}</h1>
      <div class="filters">
        <label>
          {t('consult.state')}
          <select value={state} onChange={(e) => { setState(e.currentTarget.value as State | ''); setOffset(0); }}>
            <option value="">{t('filter.allOpen')}</option>
            {STATES.map((s) => <option value={s}>{stateLabel(s)}</option>)}
          </select>
        </label>
        <label>
          {t('consult.hospital')}
          <select value={hospital} onChange={(e) => setHospital(e.currentTarget.value)}>
            <option value="">{t('filter.all')}</option>
            {hospitals.map((h) => <option value={h}>{h}</option>)}
          </select>
        </label>
        <label>
          {t('consult.urgency')}
          <select value={urgency} onChange={(e) => setUrgency(e.currentTarget.value)}>
            <option value="">{t('filter.all')}</option>
            {URGENCIES.map((u) => <option value={u}>{urgencyLabel(u)}</option>)}
          </select>
        </label>
        <label>
          {t('consult.discipline')}
          <select value={discipline} onChange={(e) => setDiscipline(e.currentTarget.value)}>
            <option value="">{t('filter.all')}</option>
            {DISCIPLINES.map((d) => <option value={d}>{disciplineLabel(d)}</option>)}
          </select>
        </label>
      </div>
      <Problem error={error} />
      {page ? (
        <>
          <ConsultTable rows={rows} caption={t('nav.queue')} showPriority />
          <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
        </>
      ) : !error && <p aria-busy="true">{t('common.loading')}</p>}
    </section>
  );
}
