import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { resubmit, versions, type Answer, type Decision, type Submission, type SubmissionVersion } from './api';
import { categoryLabel } from './labels';

type Change = NonNullable<NonNullable<Decision['lastReturn']>['requiredChanges']>[number];

/** "第 2 项 · 危及器官勾画 · SPINALCORD": how a required change is named. */
const changeTitle = (c: Change) => [t('rt.return.item', { n: c.number ?? 0 }), categoryLabel(c.category ?? ''), c.roi]
  .filter(Boolean).join(' · ');

/**
 * The last return of a plan: who returned it, when, its note and the required changes (checklist category,
 * the ROI where one applies, what to do). The county's radiotherapy staff answer each (done, or not done
 * with a reason) and resubmit (POST …/resubmission); the plan then waits for the corrected objects.
 */
export function ReturnedChanges(props: { submission: Submission; decision: Decision; mayResubmit: boolean; onResubmitted: (s: Submission) => void }) {
  const last = props.decision.lastReturn;
  const changes = last?.requiredChanges ?? [];
  const [answers, setAnswers] = useState<Record<number, { done: boolean; reason: string }>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!last) return null;
  const answerOf = (n: number) => answers[n] ?? { done: true, reason: '' };
  const set = (n: number, patch: Partial<{ done: boolean; reason: string }>) =>
    setAnswers((all) => ({ ...all, [n]: { ...answerOf(n), ...patch } }));
  const send = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const list: Answer[] = changes.map((c) => {
        const a = answerOf(c.number ?? 0);
        return { change: c.number ?? 0, done: a.done, reason: a.reason.trim() || undefined };
      });
      props.onResubmitted(await resubmit(props.submission.id!, list, note.trim()));
    } catch (err) {
      setError(err);
    }
  };
  const returnable = props.mayResubmit && props.submission.state === 'RETURNED';
  return (
    <section class="card" aria-labelledby="return-title">
      <h2 id="return-title">{t('rt.return.title')}</h2>
      <p>{t('rt.return.by', { name: last.decidedBy ?? '', at: formatDateTime(last.decidedAt), n: last.revision ?? 0 })}</p>
      {last.note && <p class="prewrap">{last.note}</p>}
      <form onSubmit={send}>
        <ol class="changes" aria-label={t('rt.return.changes')}>
          {changes.map((c) => {
            const n = c.number ?? 0;
            const a = answerOf(n);
            return (
              <li key={n}>
                <strong>{changeTitle(c)}</strong>
                <div class="prewrap">{c.text}</div>
                {returnable && (
                  <div class="actions">
                    <label class="check">
                      <input type="checkbox" checked={a.done} onChange={() => set(n, { done: !a.done })} />
                      {t('rt.return.done', { n })}
                    </label>
                    <label class="field grow">
                      {t(a.done ? 'rt.return.what' : 'rt.return.whyNot', { n })}
                      <input type="text" maxLength={2000} required={!a.done} value={a.reason}
                        onInput={(e) => set(n, { reason: e.currentTarget.value })} />
                    </label>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        {returnable && (
          <>
            <label class="field">
              {t('rt.return.note')}
              <textarea rows={2} maxLength={4000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <p class="muted">{t('rt.return.hint')}</p>
            <button type="submit" class="primary">
              {t('rt.return.resubmit', { v: (props.submission.submissionVersion ?? 1) + 1 })}
            </button>
          </>
        )}
      </form>
      <Problem error={error} />
    </section>
  );
}

/** The versions of a plan: as submitted, then each resubmission with the county's answers to the return. */
export function VersionHistory(props: { id: string; current: number }) {
  const [list, setList] = useState<SubmissionVersion[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    versions(props.id).then(setList).catch(setError);
  }, [props.id, props.current]);
  if (list.length < 2) return <Problem error={error} />;
  return (
    <section class="card" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('rt.versions.title')}</h2>
      <ol class="lineage">
        {list.map((v) => (
          <li key={v.version}>
            <strong>{t('rt.versions.version', { v: v.version })}</strong> · {v.submittedBy} · {formatDateTime(v.submittedAt)}
            {v.queuedAt ? ` · ${t('rt.versions.queued', { at: formatDateTime(v.queuedAt) })}` : ''}
            {v.note && <div class="prewrap">{v.note}</div>}
            {(v.answers ?? []).length > 0 && (
              <ul aria-label={t('rt.versions.answers', { v: v.version })}>
                {(v.answers ?? []).map((a) => (
                  <li key={a.change} class={a.done ? 'pass' : 'fail'}>
                    {t('rt.return.item', { n: a.change })} · {t(a.done ? 'rt.versions.done' : 'rt.versions.notDone')}
                    {a.reason ? `: ${a.reason}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <Problem error={error} />
    </section>
  );
}
