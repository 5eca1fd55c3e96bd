import { formatDateTime, t } from '../shell/i18n';
import type { RevisionEntry } from './api';

/** The revisions as a lineage: each with its parent, kind, author, time, reason and the ROIs it changed. */
export function Lineage(props: { revisions: RevisionEntry[] }) {
  return (
    <ol class="lineage" aria-label={t('rt.lineage')}>
      {props.revisions.map((r) => (
        <li key={r.number}>
          <strong>R{r.number}</strong>
          {r.parentNumber != null && <span class="muted"> ← R{r.parentNumber}</span>}
          {' · '}{t(r.kind === 'SUBMITTED' ? 'rt.kind.SUBMITTED' : 'rt.kind.EXPERT')} · {r.author} · {formatDateTime(r.createdAt)}
          <div>{r.reason}</div>
          {(r.changedRois ?? []).length > 0 && (
            <div class="muted">{t('rt.changed', { rois: (r.changedRois ?? []).map((c) => c.name).join('、') })}</div>
          )}
        </li>
      ))}
    </ol>
  );
}
