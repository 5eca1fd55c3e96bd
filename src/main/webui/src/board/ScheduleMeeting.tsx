import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { add, move, remove } from './agenda';
import { downloadIcs, isoToLocalInput, localInputToIso } from './calendar';

type Consult = Schemas['ConsultView'];
type Meeting = Schemas['MeetingView'];
type Summary = Schemas['ConsultSummary'];

/**
 * The agenda being planned: this consult and other accepted ones, in the order they will be discussed.
 * Reordered by dragging an item's handle onto another item (pointer events: mouse, touch and pen alike), or
 * with its move-up and move-down buttons from the keyboard; each move is announced.
 */
function AgendaPlanner(props: { ids: string[]; names: Record<string, string>; fixed: string; onChange: (ids: string[]) => void;
  candidates: Summary[] }) {
  const { ids, names } = props;
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  const [adding, setAdding] = useState('');
  const name = (id: string) => names[id] ?? id;
  const moveTo = (from: number, to: number, byKeyboard = false) => {
    const next = move(ids, from, to);
    if (next.join() === ids.join()) return;
    props.onChange(next);
    setSaid(t('agenda.moved', { name: name(ids[from]), n: next.indexOf(ids[from]) + 1 }));
    if (byKeyboard) setFocus({ id: ids[from], last: next.indexOf(ids[from]) === next.length - 1 });
  };
  // a keyboard move keeps the focus on the moved item: on the button that moved it, or on the other one
  // when that one is now disabled (the item reached an end)
  const [focus, setFocus] = useState<{ id: string; last: boolean } | null>(null);
  useEffect(() => {
    if (!focus) return;
    const at = ids.indexOf(focus.id);
    const way = at === 0 ? 'down' : focus.last ? 'up' : null;
    const button = document.querySelector<HTMLButtonElement>(`[data-agenda-move="${focus.id}:${way ?? 'down'}"]`);
    if (way || !document.activeElement || document.activeElement === document.body) button?.focus();
    setFocus(null);
  }, [focus, ids]);
  const itemAt = (x: number, y: number) => {
    const el = document.elementFromPoint(x, y)?.closest('[data-agenda-index]');
    return el ? Number(el.getAttribute('data-agenda-index')) : null;
  };
  const others = props.candidates.filter((c) => c.id && !ids.includes(c.id));
  return (
    <div class="agenda">
      <h3 id="agenda-plan-title">{t('agenda.title')}</h3>
      <ol aria-labelledby="agenda-plan-title">
        {ids.map((id, i) => (
          <li key={id} data-agenda-index={i} class={dragging !== null && over === i ? 'dropping' : undefined}>
            <button type="button" class="handle" aria-label={t('agenda.drag', { name: name(id) })} title={t('agenda.dragHint')}
              onPointerDown={(e) => {
                e.preventDefault();
                e.currentTarget.setPointerCapture?.(e.pointerId);
                setDragging(i);
                setOver(i);
              }}
              onPointerMove={(e) => { if (dragging !== null) setOver(itemAt(e.clientX, e.clientY) ?? over); }}
              onPointerUp={(e) => {
                if (dragging === null) return;
                const to = itemAt(e.clientX, e.clientY) ?? over;
                setDragging(null);
                setOver(null);
                if (to !== null) moveTo(dragging, to);
              }}
              onPointerCancel={() => { setDragging(null); setOver(null); }}>⠿</button>
            <span class="grow">{i + 1}. {name(id)}</span>
            <button type="button" aria-label={t('agenda.up', { name: name(id) })} disabled={i === 0}
              data-agenda-move={`${id}:up`} onClick={() => moveTo(i, i - 1, true)}>↑</button>
            <button type="button" aria-label={t('agenda.down', { name: name(id) })} disabled={i === ids.length - 1}
              data-agenda-move={`${id}:down`} onClick={() => moveTo(i, i + 1, true)}>↓</button>
            {id !== props.fixed && (
              <button type="button" class="link" aria-label={t('agenda.remove', { name: name(id) })}
                onClick={() => props.onChange(remove(ids, id))}>{t('agenda.removeShort')}</button>
            )}
          </li>
        ))}
      </ol>
      <p class="visually-hidden" role="status" aria-live="polite">{said}</p>
      {others.length > 0 && (
        <div class="actions">
          <label class="field">
            {t('agenda.addLabel')}
            <select value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
              <option value="">—</option>
              {others.map((c) => <option value={c.id}>{c.patientName} · {c.hospitalName}</option>)}
            </select>
          </label>
          <button type="button" disabled={!adding} onClick={() => { props.onChange(add(ids, adding)); setAdding(''); }}>
            {t('agenda.add')}
          </button>
        </div>
      )}
    </div>
  );
}

function tomorrowAt(hour: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(hour, 0, 0, 0);
  return d;
}

/**
 * The case manager schedules a board meeting for an accepted consult: when, the chair and the invited
 * specialists (those assigned to the consult); the consult becomes SCHEDULED and the invitees are notified.
 */
export function ScheduleMeeting(props: { consult: Consult; onScheduled: () => void }) {
  const { consult } = props;
  const assigned = consult.assignments ?? [];
  const [title, setTitle] = useState(t('meeting.defaultTitle', { name: consult.patient?.name ?? '' }));
  const [startsAt, setStartsAt] = useState(isoToLocalInput(tomorrowAt(14)));
  const [endsAt, setEndsAt] = useState(isoToLocalInput(tomorrowAt(15)));
  const [place, setPlace] = useState('');
  const [chair, setChair] = useState(assigned[0]?.userId ?? '');
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [agenda, setAgenda] = useState<string[]>([consult.id!]);
  const [candidates, setCandidates] = useState<Summary[]>([]);
  useEffect(() => {
    // other accepted consults waiting for a meeting may join this one's agenda
    if (consult.state !== 'TRIAGED') return;
    api.GET('/api/consults', { params: { query: { state: 'TRIAGED', limit: 50 } } })
      .then(must).then((p) => setCandidates((p.items ?? []).filter((c) => c.id !== consult.id))).catch(setError);
  }, [consult.id, consult.state]);
  const names: Record<string, string> = { [consult.id!]: consult.patient?.name ?? consult.id! };
  for (const c of candidates) if (c.id) names[c.id] = c.patientName ?? c.id;

  if (consult.state !== 'TRIAGED' && !meeting) return null;
  const schedule = async () => {
    try {
      const m = must(await api.POST('/api/meetings', {
        body: {
          kind: 'BOARD', title, startsAt: localInputToIso(startsAt), endsAt: localInputToIso(endsAt),
          place: place || undefined, chairId: chair, consultIds: agenda,
          inviteeIds: assigned.map((a) => a.userId!).filter((id) => id !== chair),
        },
      })) as Meeting;
      setMeeting(m);
      setError(null);
      props.onScheduled();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="card" aria-labelledby="meeting-title">
      <h2 id="meeting-title">{t('meeting.schedule')}</h2>
      {meeting ? (
        <p role="status">
          {t('meeting.scheduled', { title: meeting.title ?? '', when: formatDateTime(meeting.startsAt) })}{' '}
          <button type="button" class="link" onClick={() => downloadIcs(meeting.id!, 'consilium-meeting.ics').catch(setError)}>
            {t('meeting.ics')}
          </button>
        </p>
      ) : assigned.length === 0 ? <p>{t('meeting.assignFirst')}</p> : (
        <>
          <div class="formgrid">
            <label class="field">{t('meeting.title')}<input type="text" value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
            <label class="field">{t('meeting.startsAt')}<input type="datetime-local" value={startsAt} onInput={(e) => setStartsAt(e.currentTarget.value)} /></label>
            <label class="field">{t('meeting.endsAt')}<input type="datetime-local" value={endsAt} onInput={(e) => setEndsAt(e.currentTarget.value)} /></label>
            <label class="field">{t('meeting.place')}<input type="text" value={place} onInput={(e) => setPlace(e.currentTarget.value)} /></label>
            <label class="field">
              {t('meeting.chair')}
              <select value={chair} onChange={(e) => setChair(e.currentTarget.value)}>
                {assigned.map((a) => <option value={a.userId}>{a.displayName}</option>)}
              </select>
            </label>
          </div>
          <AgendaPlanner ids={agenda} names={names} fixed={consult.id!} onChange={setAgenda} candidates={candidates} />
          <p class="muted">{t('meeting.invitees', { names: assigned.map((a) => a.displayName).join('、') })}</p>
          <button type="button" class="primary" onClick={schedule}>{t('meeting.scheduleButton')}</button>
        </>
      )}
      <Problem error={error} />
    </section>
  );
}
