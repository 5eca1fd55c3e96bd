import { useState } from 'preact/hooks';
import { api, must } from '../api/client';
import { hasRole } from '../shell/me';
import { t } from '../shell/i18n';
import { Pager } from '../shell/Pager';
import { Problem } from '../shell/Problem';
import { usePaged } from '../shell/usePaged';
import { dueText } from './followUp';

const LIMIT = 50;
const HORIZONS = [7, 30, 90] as const;

/**
 * The follow-up worklist: visits due soon and overdue, overdue first. A doctor starts on the visits assigned to
 * them (a community doctor has no other); a case manager on her hospitals'.
 */
export function FollowUpList() {
  const [mine, setMine] = useState(!hasRole('case-manager', 'platform-admin'));
  const [within, setWithin] = useState<number>(30);
  const { offset, setOffset, page, error } = usePaged(async (at) => must(await api.GET('/api/registry/follow-up-schedules/due', {
    params: { query: { mine, withinDays: within, offset: at, limit: LIMIT } },
  })), [mine, within]);
  const rows = page?.items ?? [];
  return (
    <section aria-labelledby="followups-title">
      <h1 id="followups-title">{t('registry.nav.followUps')}</h1>
      <div class="filters">
        <label>
          {t('registry.followUp.whose')}
          <select value={mine ? 'mine' : 'all'} onChange={(e) => { setMine(e.currentTarget.value === 'mine'); setOffset(0); }}>
            <option value="mine">{t('registry.followUp.mine')}</option>
            <option value="all">{t('registry.followUp.allVisible')}</option>
          </select>
        </label>
        <label>
          {t('registry.followUp.within')}
          <select value={String(within)} onChange={(e) => { setWithin(Number(e.currentTarget.value)); setOffset(0); }}>
            {HORIZONS.map((d) => <option value={String(d)}>{t('registry.followUp.days', { n: d })}</option>)}
          </select>
        </label>
      </div>
      <Problem error={error} />
      {page ? (
        <>
          <table>
            <caption class="visually-hidden">{t('registry.followUp.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.patient')}</th>
                <th scope="col">{t('registry.site')}</th>
                <th scope="col">{t('registry.followUp.dueOn')}</th>
                <th scope="col">{t('registry.followUp.assignee')}</th>
                <th scope="col">{t('registry.followUp.attending')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.visitId} class={v.overdue ? 'overdue' : undefined}>
                  <td>
                    <a href={`/registry/follow-ups/${v.scheduleId}`}>{v.patientName}</a>
                    <div class="muted">{v.patientLocalId}</div>
                  </td>
                  <td>{v.icd10} · {v.stage}</td>
                  <td class={v.overdue ? 'running' : undefined}>{v.dueOn}<div>{dueText(v.daysOverdue ?? 0)}</div>
                    {v.title && <div class="muted">{t('registry.followUp.fromBoard')}：{v.title}</div>}</td>
                  <td>{v.assignee}{v.handedOver ? <div class="muted">{t('registry.followUp.handedOver')}</div> : null}</td>
                  <td>{v.attending}</td>
                </tr>
              ))}
              {rows.length === 0 && <tr><td colSpan={5}>{t('registry.followUp.empty')}</td></tr>}
            </tbody>
          </table>
          <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
        </>
      ) : !error && <p aria-busy="true">{t('common.loading')}</p>}
    </section>
  );
}
