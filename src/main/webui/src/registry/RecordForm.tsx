import { useState } from 'preact/hooks';
import { api, must } from '../api/client';
import { t } from '../shell/i18n';
import { MODALITIES, SECTIONS, TREATMENT_STATUSES, fieldLabel, type Content, type Field, type RecordView, type Treatment } from './RecordFields';

type Props = { record: RecordView; onSaved: (r: RecordView) => void; onError: (e: unknown) => void };

/**
 * The case manager's completion (完善档案): every field as the record should read. A confirmed record is changed
 * with a reason, which the server keeps with the confirmed revision it supersedes.
 */
export function RecordForm(props: Props) {
  const [content, setContent] = useState<Content>({ ...(props.record.content ?? {}) });
  const [reason, setReason] = useState('');
  const confirmed = props.record.state === 'CONFIRMED';
  const set = (name: keyof Content, value: unknown) => setContent({ ...content, [name]: value });
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      props.onSaved(must(await api.PUT('/api/registry/records/{id}', {
        params: { path: { id: props.record.id! }, query: { version: props.record.version! } },
        body: { content, reason: reason.trim() || undefined },
      })));
      setReason('');
    } catch (err) {
      props.onError(err);
    }
  };
  return (
    <form class="card" onSubmit={save} aria-labelledby="record-complete">
      <h2 id="record-complete">{t('registry.record.complete')}</h2>
      {SECTIONS.map((s) => (
        <fieldset key={s.key}>
          <legend>{t(s.key)}</legend>
          {s.fields.map((f) => <Input key={f.name} field={f} value={content[f.name]} onChange={(v) => set(f.name, v)} />)}
          {s.key === 'registry.record.section.treatment' && (content.treatments ?? []).map((tr, i) => (
            <label class="field" key={`${tr.modality}-${tr.sequence}`}>
              {fieldLabel('treatments')} {tr.sequence}: {t(`registry.record.modality.${tr.modality!}`)}
              <select value={tr.status} onChange={(e) => set('treatments', (content.treatments ?? []).map((x, j) => (j === i
                ? { ...x, status: e.currentTarget.value as typeof x.status } : x)))}>
                {TREATMENT_STATUSES.map((st) => <option value={st}>{t(`registry.record.treatmentStatus.${st}`)}</option>)}
              </select>
            </label>
          ))}
          {s.key === 'registry.record.section.treatment' && (
            <AddTreatment onAdd={(tr) => set('treatments', [...(content.treatments ?? []), tr])}
              next={(content.treatments ?? []).reduce((n, x) => Math.max(n, x.sequence ?? 0), 0) + 1} />
          )}
        </fieldset>
      ))}
      {confirmed && (
        <label class="field">{t('registry.record.reason')}
          <textarea rows={2} required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      )}
      <button type="submit">{t('registry.record.save')}</button>
    </form>
  );
}

function Input(props: { field: Field; value: unknown; onChange: (v: unknown) => void }) {
  const f = props.field;
  const v = props.value;
  const label = fieldLabel(f.name);
  if (f.kind === 'enum' || f.kind === 'bool') {
    const options = f.kind === 'bool' ? ['true', 'false'] : f.options ?? [];
    const text = (o: string) => (f.kind === 'bool' ? t(o === 'true' ? 'registry.record.yes' : 'registry.record.no')
      : t(`registry.record.${f.labels}.${o}` as Parameters<typeof t>[0]));
    return (
      <label class="field">{label}
        <select value={v === null || v === undefined ? '' : String(v)}
          onChange={(e) => {
            const s = e.currentTarget.value;
            props.onChange(s === '' ? null : f.kind === 'bool' ? s === 'true' : s);
          }}>
          <option value="">{t('registry.record.unknown')}</option>
          {options.map((o) => <option value={o}>{text(o)}</option>)}
        </select>
      </label>
    );
  }
  if (f.kind === 'long') {
    return (
      <label class="field">{label}
        <textarea rows={3} value={(v as string) ?? ''} onInput={(e) => props.onChange(e.currentTarget.value || null)} />
      </label>
    );
  }
  const text = v === null || v === undefined ? '' : String(v);
  const onInput = (e: { currentTarget: HTMLInputElement }) => {
    const s = e.currentTarget.value;
    props.onChange(s === '' ? null : f.kind === 'number' ? Number(s) : s);
  };
  return (
    <label class="field">{label}
      {f.kind === 'date' ? <input type="date" value={text} onInput={onInput} />
        : f.kind === 'number' ? <input type="number" step="any" value={text} onInput={onInput} />
          : <input type="text" value={text} onInput={onInput} />}
    </label>
  );
}

/** Adds a treatment the board did not recommend (or that was given without a consult) at the end of the sequence. */
function AddTreatment(props: { next: number; onAdd: (t: Treatment) => void }) {
  const [modality, setModality] = useState<Treatment['modality']>('SURGERY');
  const [detail, setDetail] = useState('');
  const [status, setStatus] = useState<Treatment['status']>('COMPLETED');
  return (
    <div class="add-treatment">
      <label class="field">{t('registry.record.add.modality')}
        <select value={modality} onChange={(e) => setModality(e.currentTarget.value as Treatment['modality'])}>
          {MODALITIES.map((m) => <option value={m}>{t(`registry.record.modality.${m}`)}</option>)}
        </select>
      </label>
      <label class="field">{t('registry.record.add.detail')}
        <input type="text" value={detail} onInput={(e) => setDetail(e.currentTarget.value)} />
      </label>
      <label class="field">{t('registry.record.add.status')}
        <select value={status} onChange={(e) => setStatus(e.currentTarget.value as Treatment['status'])}>
          {TREATMENT_STATUSES.map((st) => <option value={st}>{t(`registry.record.treatmentStatus.${st}`)}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => { props.onAdd({ modality, sequence: props.next, detail: detail.trim() || undefined, status }); setDetail(''); }}>
        {t('registry.record.add')}
      </button>
    </div>
  );
}
