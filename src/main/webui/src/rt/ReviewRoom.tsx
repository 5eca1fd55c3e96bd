import './rt.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { RoomAnnotations, RoomChat, RoomFollow, RoomPresence } from '../board/RoomPanels';
import { RoomClient } from '../live/roomClient';
import { leader, type RoomEvent, type Viewport } from '../live/roomState';
import { t, type Key } from '../shell/i18n';
import { me } from '../shell/me';
import { Problem } from '../shell/Problem';
import type { ProtocolAnnotation } from '../viewer/annotations';
import * as rt from './api';
import { erase, sculpt } from './brush';
import { ComparePanel } from './ComparePanel';
import { DecisionPanel } from './DecisionPanel';
import { DosePanel } from './DosePanel';
import { isodoseLevels, parseLevels, type DoseGrid } from './dose';
import { extentOf, interpolateOutline, largestOutline, movedToZ, planeAbove, planeAt, planeBelow, planeKey, strokeToContour, withEdits, type RevisionContent, type Roi } from './geometry';
import { planTitle } from './labels';
import { Lineage } from './Lineage';
import { EMPTY_REVIEW, applyReviewEvent, leaseOn, polygonsOnPlane, type ReviewState } from './reviewState';
import { RoiPanel } from './RoiPanel';
import type { DoseDisplay, Layer } from './RtViewer';

const RtViewer = lazy(() => import('./RtViewer'));
const Reconstructions = lazy(() => import('./Reconstructions'));

type Tab = 'contours' | 'compare' | 'dose' | 'decision';
const TABS: Tab[] = ['contours', 'compare', 'dose', 'decision'];
const LEASE_RENEWAL_MS = 10_000;

/** The contour tools that act on a stroke over the image. */
type Tool = 'draw' | 'sculpt' | 'erase';
const TOOLS: Tool[] = ['draw', 'sculpt', 'erase'];
/** Room roles that may lead "follow me" (docs/live-protocol.md). */
const LEADS = ['chair', 'presenter', 'reviewer'];

function uuid(): string {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const triples = (flat: number[]) => {
  const out: number[][] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) out.push([flat[i], flat[i + 1], flat[i + 2]]);
  return out;
};

/** Revisions' contours, each fetched once (a revision never changes). */
function useRevisions(id: string) {
  const [contents, setContents] = useState<Record<number, RevisionContent>>({});
  const asked = useRef(new Set<number>());
  const need = (n: number | null | undefined) => {
    if (n == null || asked.current.has(n)) return;
    asked.current.add(n);
    rt.revision(id, n).then((c) => setContents((all) => ({ ...all, [n]: c }))).catch(() => asked.current.delete(n));
  };
  return { contents, need };
}

/**
 * The live radiotherapy review room of one plan: the CT with the structure set and the dose, the ROI list,
 * contour editing under per-ROI leases (every stroke a contour.edit that the others see at once), commit
 * with a reason and the lineage; the comparison of two revisions, the dose review and the decision; who is
 * here and the chat. Everything live comes from the room's events (docs/live-protocol.md).
 */
export function ReviewRoom(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [submission, setSubmission] = useState<rt.Submission | null>(null);
  const [room, setRoom] = useState<{ roomId: string; baseRevision: number } | null>(null);
  const [revisions, setRevisions] = useState<rt.RevisionEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [, redraw] = useState(0);
  const review = useRef<ReviewState>(EMPTY_REVIEW);
  const placeholders = useRef(new Set<string>());
  const { contents, need } = useRevisions(id);

  const [tab, setTab] = useState<Tab>('contours');
  const [show, setShow] = useState<'live' | number>('live');
  const [hidden, setHidden] = useState<Record<number, boolean>>({});
  const [filled, setFilled] = useState(false);
  const [opacity, setOpacity] = useState(0.8);
  const [jump, setJump] = useState<{ x: number; y: number; z: number; at: number } | undefined>();
  const [mpr, setMpr] = useState(false);
  const slice = useRef<{ z: number; sop: string } | null>(null);
  const [tool, setTool] = useState<Tool | null>(null);
  const [brushText, setBrushText] = useState('5');
  const brushMm = Math.min(30, Math.max(1, Number(brushText) || 5));
  const [reason, setReason] = useState('');
  const [committed, setCommitted] = useState<string | null>(null);
  const [doseMode, setDoseMode] = useState<DoseDisplay['mode']>('off');
  const [doseGrid, setDoseGrid] = useState<DoseGrid | null>(null);
  const [levelText, setLevelText] = useState('95 80 50 30');
  const [levelUnit, setLevelUnit] = useState<'%' | 'Gy'>('%');
  const [cmp, setCmp] = useState<{ from: number; to: number } | null>(null);
  const [metrics, setMetrics] = useState<rt.Metrics[] | null>(null);
  const [doseSel, setDoseSel] = useState<{ revision: number; other: number | null } | null>(null);
  const [doseReviews, setDoseReviews] = useState<Record<number, rt.DoseReview>>({});
  const [impacts, setImpacts] = useState<Record<string, rt.DoseImpact>>({});
  const [decided, setDecided] = useState<rt.Decision | null>(null);
  const [following, setFollowing] = useState(true);

  const loadLineage = () => rt.lineage(id).then((list) => {
    setRevisions(list);
    return list;
  });
  useEffect(() => {
    (async () => {
      setSubmission(await rt.submission(id));
      const opened = await rt.openRoom(id);
      setRoom(opened);
      need(opened.baseRevision);
      const list = await loadLineage();
      const last = list[list.length - 1]?.number ?? 1;
      setCmp({ from: list[0]?.number ?? 1, to: last });
      setDoseSel({ revision: last, other: null });
      setDecided(await rt.decision(id));
    })().catch(setError);
  }, [id]);

  // another reviewer may have committed or signed meanwhile
  useEffect(() => {
    if (!room) return;
    loadLineage().catch(setError);
    if (tab === 'decision') rt.decision(id).then(setDecided).catch(setError);
  }, [tab]);

  const client = useMemo(() => (room ? new RoomClient(room.roomId, (seq: number, event: RoomEvent) => {
    review.current = applyReviewEvent(review.current, seq, event);
    redraw((n) => n + 1);
    const edit = event.data?.edit as { action?: string; polygonId?: string; roiNumber?: number } | undefined;
    // emptying a plane the base revision has contours on: add a placeholder (touching the plane), then delete it
    if (event.type === 'contour.edited' && edit?.action === 'add' && edit.polygonId && placeholders.current.delete(edit.polygonId)) {
      queueMicrotask(() => clientRef.current?.send('contour.edit', { edit: { action: 'delete', roiNumber: edit.roiNumber, polygonId: edit.polygonId } }));
    }
  }) : null), [room?.roomId]);
  const clientRef = useRef<RoomClient | null>(null);
  const publish = useMemo(() => (a: ProtocolAnnotation) => client?.send('annotation.create', { annotation: a }), [client]);
  clientRef.current = client;
  useEffect(() => {
    client?.start();
    return () => client?.stop();
  }, [client]);

  const myId = me.value?.id ?? '';
  const state = review.current;
  const mine = Object.entries(state.leases).filter(([, l]) => l.userId === myId).map(([target]) => Number(target.slice(4)));
  const editingRoi = show === 'live' ? mine[0] : undefined;
  useEffect(() => {
    if (!client || mine.length === 0) return;
    const timer = setInterval(() => mine.forEach((n) => client.send('lease.acquire', { target: `roi:${n}` })), LEASE_RENEWAL_MS);
    return () => clearInterval(timer);
  }, [client, mine.join(',')]);

  const base = room ? contents[room.baseRevision] : undefined;
  const live = useMemo(() => (base ? withEdits(base.rois, state.contours) : []), [base, state.contours]);
  useEffect(() => {
    if (typeof show === 'number') need(show);
  }, [show]);
  useEffect(() => {
    if (!cmp || tab !== 'compare') return;
    need(cmp.from);
    need(cmp.to);
    setMetrics(null);
    rt.metrics(id, cmp.from, cmp.to).then(setMetrics).catch(setError);
  }, [cmp?.from, cmp?.to, tab]);
  useEffect(() => {
    if (!doseSel || tab !== 'dose') return;
    for (const n of [doseSel.revision, doseSel.other]) {
      if (n == null || doseReviews[n]) continue;
      need(n);
      rt.dose(id, n).then((d) => setDoseReviews((all) => ({ ...all, [n]: d }))).catch(setError);
    }
  }, [doseSel?.revision, doseSel?.other, tab]);
  const impactKey = doseSel?.other != null ? `${doseSel.other}-${doseSel.revision}` : null;
  useEffect(() => {
    if (!doseSel || doseSel.other == null || tab !== 'dose' || !impactKey || impacts[impactKey]) return;
    const key = impactKey;
    rt.doseImpact(id, doseSel.other, doseSel.revision).then((d) => setImpacts((all) => ({ ...all, [key]: d }))).catch(setError);
  }, [impactKey, tab]);
  useEffect(() => {
    if (doseMode === 'off' || doseGrid || !submission?.objects?.rtdoseUid) return;
    rt.doseGrid(submission.studyInstanceUid!, submission.objects.rtdoseUid).then(setDoseGrid).catch(setError);
  }, [doseMode, submission]);

  const layers: Layer[] = useMemo(() => {
    if (tab === 'compare' && cmp) {
      return [{ rois: contents[cmp.from]?.rois ?? [] }, { rois: contents[cmp.to]?.rois ?? [], dashed: true }];
    }
    if (tab === 'dose' && doseSel) return [{ rois: contents[doseSel.revision]?.rois ?? [] }];
    if (typeof show === 'number') return [{ rois: contents[show]?.rois ?? [] }];
    return [{ rois: live }];
  }, [tab, cmp, doseSel, show, contents, live]);
  const rx = submission?.prescription?.totalDoseGy ?? 0;
  const dose: DoseDisplay = useMemo(() => ({
    mode: doseMode, grid: doseGrid, prescriptionGy: rx, levelsGy: isodoseLevels(parseLevels(levelText), levelUnit, rx),
  }), [doseMode, doseGrid, levelText, levelUnit, rx]);

  if (error && !room) return <Problem error={error} />;
  if (!submission || !room || !client || !base) return <p aria-busy="true">{t('common.loading')}</p>;

  const seriesUid = submission.objects?.ctSeriesUid ?? base.referencedSeries?.seriesInstanceUid ?? '';
  const shownRois = layers[0].rois.length ? layers[0].rois : live;
  const edit = (e: Record<string, unknown>) => client.send('contour.edit', { edit: e });
  const editingName = live.find((r) => r.number === editingRoi)?.name ?? '';
  /** The ROI's outlines on the plane at z become these (none: the plane is emptied). */
  const replacePlane = (roi: number, z: number, sop: string, outlines: number[][]) => {
    for (const polygonId of polygonsOnPlane(state, roi, z)) edit({ action: 'delete', roiNumber: roi, polygonId });
    for (const points of outlines) {
      edit({ action: 'add', roiNumber: roi, polygonId: uuid(), plane: { sopInstanceUid: sop, z }, points: triples(points) });
    }
    const base = live.find((r) => r.number === roi);
    if (outlines.length === 0 && base && !state.contours.touched[roi]?.[planeKey(z)]) {
      // emptying a plane the base revision has contours on, as the server's commit reads it: add a placeholder
      // (touching the plane), then delete it once it is acknowledged
      const polygonId = uuid();
      placeholders.current.add(polygonId);
      const [x, y] = [extentOf(base)?.centre[0] ?? 0, extentOf(base)?.centre[1] ?? 0];
      edit({ action: 'add', roiNumber: roi, polygonId, plane: { sopInstanceUid: sop, z },
        points: [[x, y, z], [x + 1, y, z], [x, y + 1, z]] });
    }
  };
  const onStroke = (stroke: [number, number][], z: number, sop: string) => {
    if (editingRoi == null) return;
    if (tool === 'draw') {
      const contour = strokeToContour(stroke, z);
      if (contour) replacePlane(editingRoi, z, sop, [contour]);
      return;
    }
    const roi = live.find((r) => r.number === editingRoi);
    const outlines = (roi && planeAt(roi, z)?.polygons.map((p) => p.points)) ?? [];
    if (outlines.length === 0) return;
    const next = tool === 'sculpt' ? sculpt(outlines, stroke, brushMm, z) : erase(outlines, stroke, brushMm, z);
    if (next.length === outlines.length && next.every((o, i) => o === outlines[i])) return; // the brush missed
    replacePlane(editingRoi, z, sop, next);
  };
  const copyPrevious = () => {
    const roi = live.find((r) => r.number === editingRoi);
    const at = slice.current;
    if (!roi || !at) return;
    const below = planeBelow(roi, at.z);
    if (below) replacePlane(roi.number, at.z, at.sop, below.polygons.map((p) => movedToZ(p.points, at.z)));
  };
  const interpolate = () => {
    const roi = live.find((r) => r.number === editingRoi);
    const at = slice.current;
    if (!roi || !at) return;
    const below = planeBelow(roi, at.z);
    const above = planeAbove(roi, at.z);
    if (!below || !above) return;
    replacePlane(roi.number, at.z, at.sop,
      [interpolateOutline(largestOutline(below), below.z, largestOutline(above), above.z, at.z)]);
  };
  const clearSlice = () => {
    const roi = live.find((r) => r.number === editingRoi);
    const at = slice.current;
    if (!roi || !at || !planeAt(roi, at.z)?.polygons.length) return;
    replacePlane(roi.number, at.z, at.sop, []);
  };
  const doCommit = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await rt.commit(id, reason.trim());
      setCommitted(t('rt.committed', { n: r.number }));
      setReason('');
      const list = await loadLineage();
      setCmp({ from: list[0]?.number ?? 1, to: r.number });
      setDoseSel({ revision: r.number, other: list[0]?.number ?? null });
    } catch (err) {
      setError(err);
    }
  };
  const follow = leader(client.state);
  const leading = follow?.userId === myId;
  const myRole = client.state.presence.find((p) => p.userId === myId)?.role;
  const settle = (v: Viewport) => client.send('viewport', { settled: true, viewport: v });
  const shared = { items: client.state.annotations, publish };
  const edits = Object.fromEntries(Object.entries(state.editedBy).map(([n, by]) => [n, {
    by, planes: Object.keys(state.contours.touched[Number(n)] ?? {}).length,
  }]));

  return (
    <div>
      <div class="titlebar">
        <h1>{t('rt.room.title', { plan: planTitle(submission) })}</h1>
        <p role="status" class={client.connection === 'open' ? undefined : 'running'}>{t(`room.connection.${client.connection}` as Key)}</p>
      </div>
      <div class="tabs" role="tablist" aria-label={t('rt.room.views')}>
        {TABS.map((x) => (
          <button type="button" role="tab" aria-selected={tab === x} onClick={() => setTab(x)}>{t(`rt.tab.${x}`)}</button>
        ))}
      </div>
      <div class="rtroom">
        <div>
          <RtViewer studyUid={submission.studyInstanceUid!} seriesUid={seriesUid}
            layers={layers} hidden={hidden} filled={filled} opacity={opacity} dose={dose} jump={jump}
            onStroke={tool && editingRoi != null && tab === 'contours' ? onStroke : undefined}
            brushMm={tool === 'sculpt' || tool === 'erase' ? brushMm : undefined}
            onSlice={(z, sop) => { slice.current = { z, sop }; }}
            follow={{ leading, view: follow && following ? client.state.viewport : null, settle }}
            shared={shared} />
          <div class="card actions" role="group" aria-label={t('rt.display')}>
            <label class="check"><input type="checkbox" checked={filled} onChange={() => setFilled(!filled)} />{t('rt.filled')}</label>
            <label class="check"><input type="checkbox" checked={mpr} onChange={() => setMpr(!mpr)} />{t('rt.mpr.show')}</label>
            <label class="field">{t('rt.opacity')}
              <input type="range" min="0.1" max="1" step="0.1" value={opacity} onInput={(e) => setOpacity(Number(e.currentTarget.value))} />
            </label>
            <label class="field">{t('rt.dose.display')}
              <select value={doseMode} onChange={(e) => setDoseMode(e.currentTarget.value as DoseDisplay['mode'])}>
                <option value="off">{t('rt.dose.off')}</option>
                <option value="wash">{t('rt.dose.wash')}</option>
                <option value="isodose">{t('rt.dose.isodose')}</option>
              </select>
            </label>
            {doseMode === 'isodose' && (
              <>
                <label class="field">{t('rt.dose.levels')}
                  <input type="text" value={levelText} onInput={(e) => setLevelText(e.currentTarget.value)} />
                </label>
                <label class="field">{t('rt.dose.unit')}
                  <select value={levelUnit} onChange={(e) => setLevelUnit(e.currentTarget.value as '%' | 'Gy')}>
                    <option value="%">{t('rt.dose.percentRx')}</option>
                    <option value="Gy">Gy</option>
                  </select>
                </label>
              </>
            )}
          </div>
          <RoomAnnotations state={client.state} />
          {mpr && (
            <Reconstructions studyUid={submission.studyInstanceUid!} seriesUid={seriesUid}
              layers={layers} hidden={hidden} filled={filled} opacity={opacity} centre={jump} />
          )}
        </div>
        <div>
          {tab === 'contours' && (
            <label class="field">{t('rt.showRevision')}
              <select value={String(show)} onChange={(e) => setShow(e.currentTarget.value === 'live' ? 'live' : Number(e.currentTarget.value))}>
                <option value="live">{t('rt.liveContours')}</option>
                {revisions.map((r) => <option value={String(r.number)}>R{r.number} · {r.author}</option>)}
              </select>
            </label>
          )}
          <RoiPanel rois={shownRois} hidden={hidden} edits={show === 'live' && tab === 'contours' ? edits : undefined}
            onToggle={(n) => setHidden((h) => ({ ...h, [n]: !h[n] }))}
            onJump={(roi: Roi) => {
              const e = extentOf(roi);
              if (e) setJump({ x: e.centre[0], y: e.centre[1], z: e.centre[2], at: Date.now() });
            }}
            editing={tab === 'contours' && show === 'live' ? {
              me: myId, leaseOf: (n) => leaseOn(state, n),
              onTake: (roi) => client.send('lease.acquire', { target: `roi:${roi.number}` }),
              onRelease: (roi) => { setTool(null); client.send('lease.release', { target: `roi:${roi.number}` }); },
            } : undefined} />
          {editingRoi != null && tab === 'contours' && (
            <section class="card" aria-labelledby="edit-title">
              <h2 id="edit-title">{t('rt.editing', { roi: editingName })}</h2>
              <div class="actions" role="toolbar" aria-label={t('rt.editTools')}>
                {TOOLS.map((x) => (
                  <button type="button" aria-pressed={tool === x} onClick={() => setTool(tool === x ? null : x)}>{t(`rt.tool.${x}`)}</button>
                ))}
                <button type="button" onClick={copyPrevious}>{t('rt.tool.copyPrevious')}</button>
                <button type="button" onClick={interpolate}>{t('rt.tool.interpolate')}</button>
                <button type="button" onClick={clearSlice}>{t('rt.tool.clear')}</button>
              </div>
              {(tool === 'sculpt' || tool === 'erase') && (
                <label class="field">{t('rt.tool.radius')}
                  <input type="number" min="1" max="30" step="0.5" value={brushText}
                    onInput={(e) => setBrushText(e.currentTarget.value)} />
                </label>
              )}
              <p class="muted">{t(tool === 'sculpt' ? 'rt.sculptHint' : tool === 'erase' ? 'rt.eraseHint' : 'rt.drawHint')}</p>
            </section>
          )}
          <RoomFollow client={client} mayLead={myRole != null && LEADS.includes(myRole)} following={following} onFollowing={setFollowing} />
          <RoomPresence state={client.state} />
          <RoomChat client={client} />
          {client.lastError && <p role="alert" class="error">{client.lastError}</p>}
        </div>
      </div>
      {tab === 'contours' && (
        <section class="card" aria-labelledby="revisions-title">
          <h2 id="revisions-title">{t('rt.revisions')}</h2>
          <form class="actions" onSubmit={doCommit}>
            <label class="field grow">{t('rt.commitReason')}
              <input type="text" required maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
            <button type="submit" class="primary">{t('rt.commit')}</button>
          </form>
          {committed && <p role="status">{committed}</p>}
          <Lineage revisions={revisions} />
        </section>
      )}
      {tab === 'compare' && cmp && (
        <ComparePanel revisions={revisions} from={cmp.from} to={cmp.to} metrics={metrics} onPick={(from, to) => setCmp({ from, to })} />
      )}
      {tab === 'dose' && doseSel && (
        <DosePanel revisions={revisions} revision={doseSel.revision} compareWith={doseSel.other}
          onPick={(revision, other) => setDoseSel({ revision, other })}
          review={doseReviews[doseSel.revision] ?? null} other={doseSel.other != null ? doseReviews[doseSel.other] ?? null : null}
          impact={impactKey ? impacts[impactKey] ?? null : null}
          rois={contents[doseSel.revision]?.rois ?? live} hidden={hidden} />
      )}
      {tab === 'decision' && (
        <DecisionPanel id={id} revisions={revisions} roiNames={live.map((r) => r.name)} decision={decided} onDecided={setDecided} />
      )}
      <Problem error={error} />
    </div>
  );
}
