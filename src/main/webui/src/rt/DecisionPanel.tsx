import { useEffect, useState } from 'preact/hooks';
import { api, must } from '../api/client';
import { t, type Key } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import type { Decision, RevisionEntry } from './api';
import { CHANGE_CATEGORIES, categoryLabel, rtStateLabel } from './labels';

interface Change { category: string; roi: string; text: string }

/**
 * Approve or return (POST …/decision): approval is the caller's signature on a revision (the physician and
 * the physicist both sign; the server knows who is which), a return names its required changes from the
 * checklist, per ROI where one applies.
 */
export function DecisionPanel(props: {
  id: string; revisions: RevisionEntry[]; roiNames: string[]; decision: Decision | null; onDecided: (d: Decision) => void;
}) {
  const latest = props.revisions[props.revisions.length - 1]?.number ?? 1;
  const [revision, setRevision] = useState(latest);
  // a revision committed by another reviewer meanwhile becomes the one to decide on
  useEffect(() => setRevision(latest), [latest]);
  const [changes, setChanges] = useState<Record<string, Change>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const decide = async (action: 'APPROVE' | 'RETURN') => {
    setError(null);
    try {
      const required = Object.values(changes).filter((c) => c.text.trim())
        .map((c) => ({ category: c.category, roi: c.roi || undefined, text: c.text.trim() }));
      props.onDecided(must(await api.POST('/api/rt/submissions/{id}/decision', {
        params: { path: { id: props.id } },
        body: { action, revision, requiredChanges: action === 'RETURN' ? required : undefined, note: note || undefined },
      })));
    } catch (e) {
      setError(e);
    }
  };
  const set = (category: string, patch: Partial<Change>) => setChanges((all) => ({
    ...all, [category]: { ...(all[category] ?? { category, roi: '', text: '' }), ...patch },
  }));
  return (
    <section class="card" aria-labelledby="decide-title">
      <h2 id="decide-title">{t('rt.decision')}</h2>
      {props.decision && (
        <p role="status">
          {rtStateLabel(props.decision.state)}
          {(props.decision.signatures ?? []).map((s) => ` · ${t(`rt.capacity.${s.capacity}` as Key)} ${s.signedBy} (R${s.revision})`).join('')}
        </p>
      )}
      <label class="field">
        {t('rt.decide.revision')}
        <select value={String(revision)} onChange={(e) => setRevision(Number(e.currentTarget.value))}>
          {props.revisions.map((r) => <option value={String(r.number)}>R{r.number} · {r.author}</option>)}
        </select>
      </label>
      <fieldset>
        <legend>{t('rt.decide.checklist')}</legend>
        {CHANGE_CATEGORIES.map((c) => (
          <div class="actions" key={c}>
            <label class="field">
              {t('rt.decide.roiFor', { category: categoryLabel(c) })}
              <select value={changes[c]?.roi ?? ''} onChange={(e) => set(c, { roi: e.currentTarget.value })}>
                <option value="">{t('rt.decide.noRoi')}</option>
                {props.roiNames.map((n) => <option value={n}>{n}</option>)}
              </select>
            </label>
            <label class="field grow">
              {categoryLabel(c)}
              <input type="text" maxLength={2000} value={changes[c]?.text ?? ''} onInput={(e) => set(c, { text: e.currentTarget.value })} />
            </label>
          </div>
        ))}
      </fieldset>
      <label class="field">
        {t('rt.decide.note')}
        <textarea rows={2} maxLength={4000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" class="primary" onClick={() => decide('APPROVE')}>{t('rt.decide.approve', { n: revision })}</button>
        <button type="button" onClick={() => decide('RETURN')}>{t('rt.decide.return')}</button>
      </div>
      <Problem error={error} />
    </section>
  );
}
