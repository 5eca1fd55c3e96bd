import { useState } from 'preact/hooks';
import { api, must } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { Pager } from '../shell/Pager';
import { Problem } from '../shell/Problem';
import { usePaged } from '../shell/usePaged';
import { label } from './labels';

const LIMIT = 50;

/** The referrals the caller's hospital sent or receives (a hospital sees only those addressed to it), newest first. */
export function ReferralList() {
  const [scope, setScope] = useState<'' | 'in' | 'out'>('');
  const { offset, setOffset, page, error } = usePaged(async (at) => must(await api.GET('/api/registry/referrals', {
    params: { query: { incoming: scope === '' ? undefined : scope === 'in', offset: at, limit: LIMIT } },
  })), [scope]);
  const rows = page?.items ?? [];
  return (
    <section aria-labelledby="referrals-title">
      <h1 id="referrals-title">{t('registry.nav.referrals')}</h1>
      <div class="filters">
        <label>
          {t('registry.referrals.scope')}
          <select value={scope} onChange={(e) => { setScope(e.currentTarget.value as '' | 'in' | 'out'); setOffset(0); }}>
            <option value="">{t('registry.referrals.all')}</option>
            <option value="in">{t('registry.referrals.incoming')}</option>
            <option value="out">{t('registry.referrals.outgoing')}</option>
          </select>
        </label>
      </div>
      <Problem error={error} />
      {page ? (
        <>
          <table>
            <caption class="visually-hidden">{t('registry.referrals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.patient')}</th>
                <th scope="col">{t('registry.direction')}</th>
                <th scope="col">{t('registry.from')}</th>
                <th scope="col">{t('registry.referral.to')}</th>
                <th scope="col">{t('registry.greenChannel')}</th>
                <th scope="col">{t('registry.state')}</th>
                <th scope="col">{t('registry.requestedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td><a href={`/registry/referrals/${r.id}`}>{r.patientName}</a><div class="muted">{r.patientLocalId}</div></td>
                  <td>{label('direction', r.direction)}</td>
                  <td>{r.fromHospitalName}</td>
                  <td>{r.toHospitalName}{r.toDoctor ? ` · ${r.toDoctor}` : ''}</td>
                  <td>{greenText(r.greenChannel)}</td>
                  <td>{label('state', r.state)}</td>
                  <td>{formatDateTime(r.requestedAt)}<div class="muted">{r.requestedBy}</div></td>
                </tr>
              ))}
              {rows.length === 0 && <tr><td colSpan={7}>{t('list.empty')}</td></tr>}
            </tbody>
          </table>
          <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
        </>
      ) : !error && <p aria-busy="true">{t('common.loading')}</p>}
    </section>
  );
}

/** The green-channel flags that are on, as words. */
export function greenText(g: { examination?: boolean; consultation?: boolean; admission?: boolean } | undefined): string {
  const on = (['examination', 'consultation', 'admission'] as const).filter((k) => g?.[k]);
  return on.length ? on.map((k) => t(`registry.priority.${k}`)).join('、') : t('registry.none');
}
