import './rt.css';
import { useState } from 'preact/hooks';
import { api, must } from '../api/client';
import { formatDateTime, formatDuration, t } from '../shell/i18n';
import { me } from '../shell/me';
import { Pager } from '../shell/Pager';
import { Problem } from '../shell/Problem';
import { usePaged } from '../shell/usePaged';
import { SUBMISSION_STATES, findingCounts, planTitle, rtStateLabel, secondsSince } from './labels';
import type { Submission } from './api';

const LIMIT = 50;

/**
 * The plans one may see (GET /api/rt/submissions): at a county hospital its own submissions with their
 * state and consistency report; at the provincial hospital the review queue, waiting plans first by
 * priority and then by how long they have waited (the SLA clock runs from when the plan became reviewable).
 */
export function SubmissionList() {
  const provincial = me.value?.hospital?.level === 'PROVINCIAL';
  const [state, setState] = useState<string>(provincial ? 'AWAITING_REVIEW' : '');
  const { offset, setOffset, page, error } = usePaged(async (at) => must(await api.GET('/api/rt/submissions', {
    params: { query: { state: (state || undefined) as Submission['state'], offset: at, limit: LIMIT } },
  })), [state]);
  const rows = [...(page?.items ?? [])];
  if (provincial) {
    rows.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0)
      || (a.objectsCompleteAt ?? a.createdAt ?? '').localeCompare(b.objectsCompleteAt ?? b.createdAt ?? ''));
  }
  const title = provincial ? t('rt.list.queueTitle') : t('rt.list.mineTitle');
  return (
    <section aria-labelledby="rt-list-title">
      <h1 id="rt-list-title">{title}</h1>
      <div class="filters">
        <label>
          {t('rt.state')}
          <select value={state} onChange={(e) => { setState(e.currentTarget.value); setOffset(0); }}>
            <option value="">{t('filter.all')}</option>
            {SUBMISSION_STATES.map((s) => <option value={s}>{rtStateLabel(s)}</option>)}
          </select>
        </label>
      </div>
      <Problem error={error} />
      {page ? (
        <>
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rt.plan')}</th>
                <th scope="col">{t('rt.technique')}</th>
                <th scope="col">{t('rt.state')}</th>
                <th scope="col">{t('rt.consistency')}</th>
                {provincial && <th scope="col">{t('rt.priority')}</th>}
                <th scope="col">{t('rt.submittedAt')}</th>
                <th scope="col">{t('rt.sla')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => {
                const { errors, warnings } = findingCounts(s.findings);
                const waiting = s.state === 'AWAITING_REVIEW' ? secondsSince(s.objectsCompleteAt ?? s.createdAt) : null;
                return (
                  <tr key={s.id}>
                    <td><a href={`/rt/${s.id}`}>{planTitle(s)}</a><div class="muted">{s.studyInstanceUid}</div></td>
                    <td>{s.technique}</td>
                    <td>{rtStateLabel(s.state)}</td>
                    <td>
                      {errors > 0 && <span class="finding ERROR">{t('rt.errors', { n: errors })} </span>}
                      {warnings > 0 && <span class="finding WARNING">{t('rt.warnings', { n: warnings })}</span>}
                      {errors + warnings === 0 && s.state !== 'AWAITING_OBJECTS' && t('rt.consistent')}
                      {s.state === 'AWAITING_OBJECTS' && t('rt.awaitingCount', { n: s.awaiting?.length ?? 0 })}
                    </td>
                    {provincial && <td>{s.priority ?? 0}</td>}
                    <td>{formatDateTime(s.createdAt)}<div class="muted">{s.submittedBy}</div></td>
                    <td class={waiting != null ? 'running' : undefined}>
                      {waiting != null ? t('rt.waiting', { time: formatDuration(waiting) }) : ''}
                    </td>
                  </tr>
                );
              })}
              {rows.length === 0 && <tr><td colSpan={provincial ? 7 : 6}>{t('rt.list.empty')}</td></tr>}
            </tbody>
          </table>
          <Pager offset={offset} limit={LIMIT} total={page.total ?? 0} onMove={setOffset} />
        </>
      ) : !error && <p aria-busy="true">{t('common.loading')}</p>}
    </section>
  );
}
