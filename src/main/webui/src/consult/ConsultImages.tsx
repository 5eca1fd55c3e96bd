import { useEffect, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { prefetchStudy } from '../viewer/dicomweb';

/** The viewer's code (cornerstone3D, vtk.js, codecs) is loaded only when someone opens the images. */
const Viewer = lazy(() => import('../viewer/Viewer'));

/** A consult's studies in the viewer, one at a time. */
export function ConsultImages(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [consult, setConsult] = useState<Schemas['ConsultView'] | null>(null);
  const [study, setStudy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    // the viewer's code loads, and cornerstone starts (WebGL, the decoding worker), while the consult is read
    void Viewer.preload();
    void import('../viewer/cornerstone').then((c) => c.initCornerstone());
    api.GET('/api/consults/{id}', { params: { path: { id } } }).then(must).then((c) => {
      setConsult(c);
      const shown = c.studies?.[0]?.studyUid ?? null;
      // its series and their metadata are read while the viewer's code is still being compiled
      if (shown) prefetchStudy(shown);
      setStudy(shown);
    }).catch(setError);
  }, [id]);
  if (error) return <Problem error={error} />;
  if (!consult) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <div>
      <div class="titlebar">
        <h1>{t('viewer.heading', { name: consult.patient?.name ?? '' })}</h1>
        <a href={`/consults/${id}`}>{t('viewer.back')}</a>
      </div>
      {(consult.studies ?? []).length > 1 && (
        <label class="field">
          {t('consult.studies')}
          <select value={study ?? ''} onChange={(e) => setStudy(e.currentTarget.value)}>
            {(consult.studies ?? []).map((s) => <option value={s.studyUid}>{s.studyUid}</option>)}
          </select>
        </label>
      )}
      {study ? <Viewer key={study} studyUid={study} /> : <p>{t('consult.noStudies')}</p>}
    </div>
  );
}
