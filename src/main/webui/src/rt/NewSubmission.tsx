import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, must } from '../api/client';
import { accessToken } from '../shell/auth';
import { t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { SITES, TECHNIQUES, siteLabel } from './labels';

interface PlanStudy { uid: string; label: string }
type DicomJson = Record<string, { Value?: unknown[] }>;

/** Studies of one's hospital in the archive that hold an RT structure set (QIDO-RS), newest first. */
async function planStudies(): Promise<PlanStudy[]> {
  const response = await fetch('/dicomweb/studies?includefield=00081030&includefield=00100010&limit=100', {
    headers: { Accept: 'application/dicom+json', Authorization: `Bearer ${accessToken() ?? ''}` },
  });
  if (response.status === 204 || !response.ok) return [];
  const rows = (await response.json()) as DicomJson[];
  const name = (r: DicomJson) => {
    const pn = r['00100010']?.Value?.[0] as { Alphabetic?: string; Ideographic?: string } | undefined;
    return pn?.Ideographic ?? pn?.Alphabetic ?? '';
  };
  return rows.filter((r) => (r['00080061']?.Value ?? []).includes('RTSTRUCT'))
    .sort((a, b) => String(b['00080020']?.Value?.[0] ?? '').localeCompare(String(a['00080020']?.Value?.[0] ?? '')))
    .map((r) => ({
      uid: String(r['0020000D']?.Value?.[0]),
      label: [r['00080020']?.Value?.[0], name(r), r['00081030']?.Value?.[0], (r['00080061']?.Value ?? []).join('/')]
        .filter(Boolean).join(' · '),
    }));
}

/**
 * Submit-for-review of a planning study (POST /api/rt/submissions): the study (picked from the archive or
 * given by its UID: its objects may still be on their way), disease site, prescription, technique, notes
 * and the question for the provincial reviewers.
 */
export function NewSubmission() {
  const { route } = useLocation();
  const [studies, setStudies] = useState<PlanStudy[]>([]);
  const [studyUid, setStudyUid] = useState('');
  const [site, setSite] = useState('lung');
  const [dose, setDose] = useState('60');
  const [fractions, setFractions] = useState('30');
  const [technique, setTechnique] = useState('IMRT');
  const [notes, setNotes] = useState('');
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    planStudies().then(setStudies).catch(() => setStudies([]));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = (must(await api.POST('/api/rt/submissions', {
        body: {
          studyInstanceUid: studyUid.trim(), diseaseSite: site, technique,
          prescription: { totalDoseGy: Number(dose), fractions: Number(fractions) },
          clinicalNotes: notes || undefined, question,
        },
      })) as unknown) as { id: string };
      route(`/rt/${created.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="rt-new-title">
      <h1 id="rt-new-title">{t('rt.new.title')}</h1>
      <form onSubmit={submit} class="card">
        <div class="formgrid">
          <label class="field">
            {t('rt.new.fromArchive')}
            <select value={studies.some((s) => s.uid === studyUid) ? studyUid : ''} onChange={(e) => setStudyUid(e.currentTarget.value)}>
              <option value="">{studies.length ? t('rt.new.pickStudy') : t('rt.new.noStudies')}</option>
              {studies.map((s) => <option value={s.uid}>{s.label}</option>)}
            </select>
          </label>
          <label class="field" style={{ gridColumn: 'span 2' }}>
            {t('rt.new.studyUid')}
            <input type="text" required pattern="[0-9]+(\.[0-9]+)*" maxLength={64} value={studyUid}
              onInput={(e) => setStudyUid(e.currentTarget.value)} />
          </label>
          <label class="field">
            {t('rt.site')}
            <select value={site} onChange={(e) => setSite(e.currentTarget.value)}>
              {SITES.map((s) => <option value={s}>{siteLabel(s)}</option>)}
            </select>
          </label>
          <label class="field">
            {t('rt.new.totalDose')}
            <input type="number" required min="0.1" max="150" step="0.01" value={dose} onInput={(e) => setDose(e.currentTarget.value)} />
          </label>
          <label class="field">
            {t('rt.new.fractions')}
            <input type="number" required min="1" max="60" value={fractions} onInput={(e) => setFractions(e.currentTarget.value)} />
          </label>
          <label class="field">
            {t('rt.technique')}
            <select value={technique} onChange={(e) => setTechnique(e.currentTarget.value)}>
              {TECHNIQUES.map((x) => <option value={x}>{x}</option>)}
            </select>
          </label>
        </div>
        <label class="field">
          {t('rt.notes')}
          <textarea rows={2} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('rt.question')}
          <textarea rows={2} required value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
        </label>
        <p class="muted">{t('rt.new.hint')}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>{t('rt.new.submit')}</button>
        </div>
        <Problem error={error} />
      </form>
    </section>
  );
}
