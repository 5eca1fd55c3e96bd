import type { Schemas } from '../api/client';
import { formatDateTime, formatDuration, t } from '../shell/i18n';
import { disciplineLabel, stateLabel, urgencyLabel } from './labels';

type Summary = Schemas['ConsultSummary'];

function Clock(props: { seconds?: number | null; running?: boolean; label: string }) {
  if (props.seconds == null) return null;
  return (
    <div class={props.running ? 'running' : undefined}>
      {props.label}: {formatDuration(props.seconds)}{props.running ? ` (${t('sla.running')})` : ''}
    </div>
  );
}

/** A worklist of consults: who, from where, how urgent, in which state, and how long the clocks have run. */
export function ConsultTable(props: { rows: Summary[]; caption: string; showPriority?: boolean }) {
  return (
    <table>
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('consult.patient')}</th>
          <th scope="col">{t('consult.hospital')}</th>
          <th scope="col">{t('consult.urgency')}</th>
          {props.showPriority && <th scope="col">{t('consult.priority')}</th>}
          <th scope="col">{t('consult.state')}</th>
          <th scope="col">{t('consult.disciplines')}</th>
          <th scope="col">{t('consult.requestedAt')}</th>
          <th scope="col">{t('consult.sla')}</th>
          <th scope="col">{t('consult.assignees')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((c) => (
          <tr key={c.id}>
            <td>
              <a href={`/consults/${c.id}`}>{c.patientName}</a>
              <div class="muted">{c.patientLocalId}</div>
            </td>
            <td>{c.hospitalName}</td>
            <td><span class={`badge ${c.urgency}`}>{urgencyLabel(c.urgency)}</span></td>
            {props.showPriority && <td>{c.priority ?? ''}</td>}
            <td>{stateLabel(c.state)}</td>
            <td>{(c.requestedDisciplines ?? []).map(disciplineLabel).join('、')}</td>
            <td>{formatDateTime(c.createdAt)}<div class="muted">{c.requestedBy}</div></td>
            <td>
              <Clock label={t('sla.toTriage')} seconds={c.sla?.toTriageSeconds} running={c.sla?.triageRunning} />
              <Clock label={t('sla.toSession')} seconds={c.sla?.toSessionSeconds} running={c.sla?.sessionRunning} />
            </td>
            <td>{(c.assignees ?? []).join('、')}</td>
          </tr>
        ))}
        {props.rows.length === 0 && (
          <tr><td colSpan={props.showPriority ? 9 : 8}>{t('list.empty')}</td></tr>
        )}
      </tbody>
    </table>
  );
}
