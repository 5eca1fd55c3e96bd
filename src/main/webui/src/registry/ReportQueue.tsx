import { useState } from 'preact/hooks';
import { api, must } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { Pager } from '../shell/Pager';
import { Problem } from '../shell/Problem';
import { usePaged } from '../shell/usePaged';
import { clockText, label } from './labels';
import './registry.css';

const LIMIT = 50;

/** New-tumor reports as the server orders them: open ones by their record clock (overdue on top), then recorded. */
export function ReportQueue() {
  const [openOnly, setOpenOnly] = useState(false);
  const { offset, setOffset, page, error } = usePaged(async (at) => must(await api.GET('/api/registry/reports', {
    params: { query: { open: openOnly, offset: at, limit: LIMIT } },
  })), [openOnly]);
  const rows = page?.items ?? [];
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('registry.nav.reports')}</h1>
      <div class="filters">
        <label class="check">
          <input type="checkbox" checked={openOnly} onChange={(e) => { setOpenOnly(e.currentTarget.checked); setOffset(0); }} />
          {t('registry.queue.open')}
        </label>
      </div>
      <Problem error={error} />
      {page ? (
        <>
          <table>
            <caption class="visually-hidden">{t('registry.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.patient')}</th>
                <th scope="col">{t('registry.hospital')}</th>
                <th scope="col">{t('registry.certainty')}</th>
                <th scope="col">{t('registry.site')}</th>
                <th scope="col">{t('registry.reportedAt')}</th>
                <th scope="col">{t('registry.clock')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} class={r.clock?.overdue && r.clock?.running ? 'overdue' : undefined}>
                  <td><a href={`/registry/reports/${r.id}`}>{r.patientName}</a><div class="muted">{r.patientLocalId}</div></td>
                  <td>{r.hospitalName}</td>
                  <td>{label('certainty', r.certainty)}</td>
                  <td>{r.icd10} / {r.topography}</td>
                  <td>{formatDateTime(r.reportedAt)}<div class="muted">{r.reporter}</div></td>
                  <td class={r.clock?.running ? 'running' : undefined}>
                    {r.clock?.running ? t('registry.status.open') : t('registry.status.recorded')}
                    <div>{clockText(r.clock)}</div>
                  </td>
                </tr>
              ))}
              {rows.length === 0 && <tr><td colSpan={6}>{t('list.empty')}</td></tr>}
            </tbody>
          </table>
          <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
        </>
      ) : !error && <p aria-busy="true">{t('common.loading')}</p>}
    </section>
  );
}
