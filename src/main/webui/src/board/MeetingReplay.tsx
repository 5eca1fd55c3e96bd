import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, must } from '../api/client';
import { EMPTY_ROOM, applyEvent, type RoomEvent, type RoomState } from '../live/roomState';
import { formatDateTime, t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { RoomAnnotations, RoomChat, RoomPresence, RoomVotes } from './RoomPanels';

interface Logged {
  seq: number;
  event: RoomEvent;
}

/** The room's whole event log, read 500 at a time (GET /api/live/rooms/{id}/events). */
async function eventLog(roomId: string): Promise<Logged[]> {
  const out: Logged[] = [];
  for (;;) {
    const page = must(await api.GET('/api/live/rooms/{roomId}/events', {
      params: { path: { roomId }, query: { after: out.at(-1)?.seq ?? 0, limit: 500 } },
    })) as unknown as Logged[];
    out.push(...page);
    if (page.length < 500) return out;
  }
}

/** The state after the first {@code n} events of the log: the same reducer as the live room. */
export function stateAt(log: Logged[], n: number): RoomState {
  let s = EMPTY_ROOM;
  for (const e of log.slice(0, n)) s = applyEvent(s, e.seq, e.event);
  return s;
}

/**
 * Replay of a consult session, during or after it: a timeline over the room's event log; moving it shows
 * the people, annotations, chat and votes as they stood at that moment (for the consult record and for
 * teaching).
 */
export function MeetingReplay(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [log, setLog] = useState<Logged[] | null>(null);
  const [at, setAt] = useState(0);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    (async () => {
      const session = must(await api.GET('/api/meetings/{id}/session', { params: { path: { id } } }));
      if (!session.roomId) throw new Error(t('room.notOpen'));
      const events = await eventLog(session.roomId);
      setLog(events);
      setAt(events.length);
    })().catch(setError);
  }, [id]);
  const state = useMemo(() => (log ? stateAt(log, at) : EMPTY_ROOM), [log, at]);
  if (error) return <Problem error={error} />;
  if (!log) return <p aria-busy="true">{t('common.loading')}</p>;
  const current = log[at - 1];
  const questions = [...new Set(Object.values(state.votes).map((v) => v.question))];
  return (
    <section aria-labelledby="replay-title">
      <div class="titlebar">
        <h1 id="replay-title">{t('replay.title')}</h1>
        <a href={`/meetings/${id}/room`}>{t('replay.back')}</a>
      </div>
      <div class="card">
        <label class="field">
          {t('replay.timeline')}
          <input type="range" min={0} max={log.length} step={1} value={at}
            aria-valuetext={current ? t('replay.moment', { n: at, total: log.length, at: formatDateTime(current.event.at) }) : t('replay.start')}
            onInput={(e) => setAt(Number(e.currentTarget.value))} />
        </label>
        <p role="status">
          {current ? t('replay.moment', { n: at, total: log.length, at: formatDateTime(current.event.at) }) : t('replay.start')}
          {current && ` · ${t('replay.what', { who: current.event.actor?.displayName ?? '', type: current.event.type })}`}
        </p>
      </div>
      <div class="roomgrid">
        <div>
          <RoomAnnotations state={state} />
          {questions.map((q) => <RoomVotes key={q} state={state} question={q} />)}
        </div>
        <div>
          <RoomPresence state={state} />
          <RoomChat state={state} />
        </div>
      </div>
    </section>
  );
}
