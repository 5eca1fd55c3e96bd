import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { accessToken } from '../shell/auth';
import { formatDateTime, lang, t, type Key } from '../shell/i18n';
import { me } from '../shell/me';
import { Problem } from '../shell/Problem';

type View = Schemas['RecommendationView'];
type Content = Schemas['RecommendationContent'];
type Step = Content['modalities'][number];
type FollowUp = NonNullable<Content['followUps']>[number];

const ORGANS = ['cardiac', 'pulmonary', 'hepatic', 'renal'] as const;
const ORGAN_STATUS = ['NORMAL', 'MILD', 'MODERATE', 'SEVERE'] as const;
const TOLERANCE = ['TOLERABLE', 'MARGINAL', 'INTOLERABLE', 'NOT_APPLICABLE'] as const;
const MODALITIES = ['SURGERY', 'RADIOTHERAPY', 'CHEMOTHERAPY', 'TARGETED', 'IMMUNOTHERAPY', 'TRIAL', 'BEST_SUPPORTIVE_CARE'] as const;
const POSITIONS = ['AGREE', 'DISSENT', 'ABSTAIN'] as const;

function blank(): Content {
  return {
    evaluation: {
      ecog: 1, organFunction: { cardiac: 'NORMAL', pulmonary: 'NORMAL', hepatic: 'NORMAL', renal: 'NORMAL' },
      surgicalTolerance: 'TOLERABLE', tnm: { site: 'lung', t: '', n: '', m: '', stageGroup: '' }, notes: '',
    },
    intent: 'CURATIVE',
    modalities: [{ modality: 'SURGERY', sequence: 1, detail: '' }],
    rationale: '',
    followUps: [],
  } as Content;
}

function Select<T extends string>(props: { label: string; value: T; options: readonly T[]; prefix: string; onChange: (v: T) => void }) {
  return (
    <label class="field">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((o) => <option value={o}>{t(`${props.prefix}.${o}` as Key)}</option>)}
      </select>
    </label>
  );
}

/** The chair's structured recommendation: evaluation (ECOG, organ function, surgical tolerance, TNM), intent, modalities in sequence, rationale. */
function DraftForm(props: { consultId: string; onSaved: (v: View) => void }) {
  const [c, setC] = useState<Content>(blank);
  const [error, setError] = useState<unknown>(null);
  const ev = c.evaluation;
  const set = (patch: Partial<Content>) => setC({ ...c, ...patch });
  const setEv = (patch: Partial<Content['evaluation']>) => set({ evaluation: { ...ev, ...patch } });
  const setTnm = (k: keyof Content['evaluation']['tnm'], v: string) => setEv({ tnm: { ...ev.tnm, [k]: v } });
  const setStep = (i: number, patch: Partial<Step>) =>
    set({ modalities: c.modalities.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const followUps = c.followUps ?? [];
  const setFollowUp = (i: number, patch: Partial<FollowUp>) =>
    set({ followUps: followUps.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      props.onSaved(must(await api.POST('/api/consults/{consultId}/recommendations', {
        params: { path: { consultId: props.consultId } }, body: { content: c },
      })) as unknown as View);
    } catch (x) {
      setError(x);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t('rec.form')}>
      <fieldset>
        <legend>{t('rec.evaluation')}</legend>
        <div class="row">
          <Select label={t('rec.ecog')} value={String(ev.ecog)} options={['0', '1', '2', '3', '4', '5']} prefix="rec.ecogValue"
            onChange={(v) => setEv({ ecog: Number(v) })} />
          {ORGANS.map((o) => (
            <Select label={t(`rec.organ.${o}` as Key)} value={ev.organFunction[o]} options={ORGAN_STATUS} prefix="rec.organStatus"
              onChange={(v) => setEv({ organFunction: { ...ev.organFunction, [o]: v } })} />
          ))}
          <Select label={t('rec.tolerance')} value={ev.surgicalTolerance} options={TOLERANCE} prefix="rec.toleranceValue"
            onChange={(v) => setEv({ surgicalTolerance: v })} />
        </div>
        <div class="row">
          {(['site', 't', 'n', 'm', 'stageGroup'] as const).map((k) => (
            <label class="field">
              {t(`rec.tnm.${k}` as Key)}
              <input type="text" value={ev.tnm[k]} required maxLength={k === 'site' ? 40 : 12} onInput={(e) => setTnm(k, e.currentTarget.value)} />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('rec.plan')}</legend>
        <Select label={t('rec.intent')} value={c.intent} options={['CURATIVE', 'PALLIATIVE'] as const} prefix="rec.intentValue"
          onChange={(v) => set({ intent: v })} />
        <ol>
          {c.modalities.map((s, i) => (
            <li class="row">
              <Select label={t('rec.modality', { n: i + 1 })} value={s.modality} options={MODALITIES} prefix="rec.modalityValue"
                onChange={(v) => setStep(i, { modality: v })} />
              <label class="field">
                {t('rec.sequence', { n: i + 1 })}
                <input type="number" min={1} max={12} value={s.sequence} onInput={(e) => setStep(i, { sequence: Number(e.currentTarget.value) })} />
              </label>
              <label class="field grow">
                {t('rec.detail', { n: i + 1 })}
                <input type="text" value={s.detail ?? ''} maxLength={500} onInput={(e) => setStep(i, { detail: e.currentTarget.value })} />
              </label>
              {c.modalities.length > 1 && (
                <button type="button" onClick={() => set({ modalities: c.modalities.filter((_, j) => j !== i) })}>
                  {t('rec.removeModality', { n: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => set({ modalities: [...c.modalities, { modality: 'RADIOTHERAPY', sequence: c.modalities.length + 1, detail: '' }] })}>
          {t('rec.addModality')}
        </button>
        <label class="field">
          {t('rec.rationale')}
          <textarea required maxLength={4000} value={c.rationale} onInput={(e) => set({ rationale: e.currentTarget.value })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('rec.followUps')}</legend>
        <p class="muted">{t('rec.followUpsHint')}</p>
        <ol>
          {followUps.map((f, i) => (
            <li class="row">
              <label class="field grow">
                {t('rec.followUp', { n: i + 1 })}
                <input type="text" required maxLength={200} value={f.title} onInput={(e) => setFollowUp(i, { title: e.currentTarget.value })} />
              </label>
              <label class="field">
                {t('rec.followUpDays', { n: i + 1 })}
                <input type="number" required min={0} max={3650} value={f.dueInDays}
                  onInput={(e) => setFollowUp(i, { dueInDays: Number(e.currentTarget.value) })} />
              </label>
              <button type="button" onClick={() => set({ followUps: followUps.filter((_, j) => j !== i) })}>
                {t('rec.removeFollowUp', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        {followUps.length < 20 && (
          <button type="button" onClick={() => set({ followUps: [...followUps, { title: '', dueInDays: 28 }] })}>
            {t('rec.addFollowUp')}
          </button>
        )}
      </fieldset>
      <Problem error={error} />
      <button type="submit" class="primary">{t('rec.saveDraft')}</button>
    </form>
  );
}

/** Opens the signed opinion document (PDF) in a new tab; fetched with the token, shown from a blob URL. */
async function openPdf(consultId: string): Promise<void> {
  const tab = window.open('', '_blank');
  const res = await fetch(`/api/consults/${consultId}/report?lang=${lang.value === 'en' ? 'en' : 'zh-CN'}`, {
    headers: { Authorization: `Bearer ${accessToken() ?? ''}` },
  });
  if (!res.ok) {
    tab?.close();
    throw new Error(`${res.status} ${res.statusText}`);
  }
  const url = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = url;
  else window.location.href = url;
}

/**
 * The presented consult's recommendation in the room: the chair drafts it; every participant gives an
 * opinion (agree, dissent with a comment, abstain); the chair finalises it; every signer signs; the signed
 * opinion PDF opens in the browser.
 */
export function RecommendationPanel(props: { consultId: string; chairId?: string }) {
  const [rec, setRec] = useState<View | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [position, setPosition] = useState<(typeof POSITIONS)[number]>('AGREE');
  const [comment, setComment] = useState('');
  const load = () => api.GET('/api/consults/{consultId}/recommendations', { params: { path: { consultId: props.consultId } } })
    .then(must).then((list) => setRec(list[0] ?? null)).catch(setError);
  useEffect(() => {
    load();
  }, [props.consultId]);
  const act = async (call: () => Promise<{ data?: View; error?: unknown; response: Response }>) => {
    try {
      setError(null);
      setRec(must(await call()));
    } catch (e) {
      setError(e);
    }
  };
  const path = { consultId: props.consultId, id: rec?.id ?? '' };
  const myId = me.value?.id;
  const isChair = myId != null && (rec?.chairId ?? props.chairId) === myId;
  const mySignature = rec?.signatures?.find((s) => s.userId === myId);
  return (
    <section class="card" aria-labelledby="rec-title">
      <h2 id="rec-title">{t('rec.title')}</h2>
      <div class="actions">
        <button type="button" onClick={load}>{t('rec.reload')}</button>
      </div>
      {rec === undefined && <p aria-busy="true">{t('common.loading')}</p>}
      {rec === null && (isChair ? <DraftForm consultId={props.consultId} onSaved={setRec} /> : <p>{t('rec.none')}</p>)}
      {rec?.content && (
        <div>
          <p role="status">{t(`rec.state.${rec.state}` as Key)}</p>
          <dl class="facts">
            <dt>{t('rec.tnmLabel')}</dt>
            <dd>{`${rec.content!.evaluation.tnm.t} ${rec.content!.evaluation.tnm.n} ${rec.content!.evaluation.tnm.m}, ${rec.content!.evaluation.tnm.stageGroup}`}</dd>
            <dt>{t('rec.ecog')}</dt><dd>{rec.content!.evaluation.ecog}</dd>
            <dt>{t('rec.intent')}</dt><dd>{t(`rec.intentValue.${rec.content!.intent}` as Key)}</dd>
            <dt>{t('rec.plan')}</dt>
            <dd>{[...rec.content!.modalities].sort((a, b) => a.sequence - b.sequence)
              .map((s) => `${s.sequence}. ${t(`rec.modalityValue.${s.modality}` as Key)}${s.detail ? ` (${s.detail})` : ''}`).join(' → ')}</dd>
            <dt>{t('rec.rationale')}</dt><dd>{rec.content!.rationale}</dd>
            {(rec.content!.followUps ?? []).length > 0 && <>
              <dt>{t('rec.followUps')}</dt>
              <dd>{rec.content!.followUps!.map((f) => t('rec.followUpDue', { title: f.title, n: f.dueInDays })).join(lang.value === 'en' ? '; ' : '；')}</dd>
            </>}
          </dl>
          <h3>{t('rec.opinions')}</h3>
          <ul aria-label={t('rec.opinions')}>
            {(rec.opinions ?? []).map((o) => (
              <li key={o.userId}>{`${o.displayName}: ${t(`rec.position.${o.position}` as Key)}${o.comment ? ` — ${o.comment}` : ''}`}</li>
            ))}
          </ul>
          {rec.state !== 'SIGNED' && (
            <form class="actions" onSubmit={(e) => {
              e.preventDefault();
              act(() => api.PUT('/api/consults/{consultId}/recommendations/{id}/opinions/me', { params: { path }, body: { position, comment: comment || undefined } }));
            }}>
              <Select label={t('rec.myPosition')} value={position} options={POSITIONS} prefix="rec.position" onChange={setPosition} />
              <label class="field grow">
                {t('rec.comment')}
                <input type="text" value={comment} maxLength={2000} onInput={(e) => setComment(e.currentTarget.value)} />
              </label>
              <button type="submit">{t('rec.giveOpinion')}</button>
            </form>
          )}
          {rec.state === 'DRAFT' && isChair && (
            <button type="button" class="primary" onClick={() => act(() => api.POST('/api/consults/{consultId}/recommendations/{id}/finalise', { params: { path }, body: { version: rec.version } }))}>
              {t('rec.finalise')}
            </button>
          )}
          {(rec.state === 'FINAL' || rec.state === 'SIGNED') && (
            <>
              <h3>{t('rec.signatures')}</h3>
              <ul aria-label={t('rec.signatures')}>
                {(rec.signatures ?? []).map((s) => (
                  <li key={s.userId}>{s.signedAt ? t('rec.signedBy', { name: s.displayName ?? '', at: formatDateTime(s.signedAt) }) : t('rec.awaiting', { name: s.displayName ?? '' })}</li>
                ))}
              </ul>
            </>
          )}
          {rec.state === 'FINAL' && mySignature && !mySignature.signedAt && (
            <button type="button" class="primary" onClick={() => act(() => api.POST('/api/consults/{consultId}/recommendations/{id}/signatures', { params: { path }, body: { version: rec.version } }))}>
              {t('rec.sign')}
            </button>
          )}
          {rec.state === 'SIGNED' && (
            <button type="button" onClick={() => openPdf(props.consultId).catch(setError)}>{t('rec.openPdf')}</button>
          )}
        </div>
      )}
      <Problem error={error} />
    </section>
  );
}
