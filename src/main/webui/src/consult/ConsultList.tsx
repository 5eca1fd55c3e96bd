import { useState } from 'preact/hooks';
import { api, must } from '../api/client';
import { t, type Key } from '../shell/i18n';
import { hasRole } from '../shell/me';
import { Pager } from '../shell/Pager';
import { usePaged } from '../shell/usePaged';
import { Problem } from '../shell/Problem';
import { ConsultTable } from './ConsultTable';
import { STATES, stateLabel } from './labels';

type State = (typeof STATES)[number];
const LIMIT = 20;

/** The consults the server lets this user see: a county's own requests, a specialist's assignments, or all. */
export function ConsultList() {
  const [state, setState] = useState<State | ''>('');
  const { offset, setOffset, page, error } = usePaged(async (at) => must(await api.GET('/api/consults', {
    params: { query: { state: state || undefined, offset: at, limit: LIMIT } },
  })), [state]);

  const title: Key = hasRole('specialist') ? 'nav.assigned'
    : hasRole('case-manager', 'platform-admin', 'hospital-admin') ? 'nav.allConsults' : 'nav.myRequests';
  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title">{t(title)}</h1>
      <div class="filters">
        <label>
          {t('consult.state')}
          <select value={state} onChange={(e) => { setState(e.currentTarget.value as State | ''); setOffset(0); }}>
            <option value="">{t('filter.all')}</option>
            {STATES.map((s) => <option value={s}>{stateLabel(s)}</option>)}
          </select>
        </label>
      </div>
      <Problem error={error} />
      {page ? (
        <>
          <ConsultTable rows={page.items ?? []} caption={t(title)} />
          <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
        </>
      ) : !error && <p aria-busy="true">{t('common.loading')}</p>}
    </section>
  );
}
