import { useEffect, useMemo, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { AnnotationEdits } from '../live/annotationEdits';
import { RoomClient } from '../live/roomClient';
import { leader, type Viewport } from '../live/roomState';
import { t, type Key } from '../shell/i18n';
import { hasRole, me } from '../shell/me';
import { Problem } from '../shell/Problem';
import { leaseOf, type ProtocolAnnotation } from '../viewer/annotations';
import { RecommendationPanel } from '../consult/RecommendationPanel';
import { RoomAnnotations, RoomChat, RoomFollow, RoomPresence, RoomVotes } from './RoomPanels';

const Viewer = lazy(() => import('../viewer/Viewer'));

type Session = Schemas['SessionView'];

/** Roles that may lead "follow me" (docs/live-protocol.md). */
const LEADS = ['chair', 'presenter'];

/**
 * The live consult room of a board meeting: who is here, the agenda, the presented consult's images with
 * shared measurements and "follow me", the chat, votes and the recommendation. Everything live in it comes
 * from the room's events, so a dropped network restores it without reloading.
 */
export function MeetingRoom(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [following, setFollowing] = useState(true);
  useEffect(() => {
    // entering is attending: an invitee is admitted to the room as they join (a case manager as coordinator)
    (async () => {
      let s = must(await api.GET('/api/meetings/{id}/session', { params: { path: { id } } }));
      if (s.state === 'OPEN' && !s.attendees?.some((a) => a.userId === me.value?.id)) {
        const joined = await api.POST('/api/meetings/{id}/session/attendance', { params: { path: { id } }, body: {} });
        if (joined.data) s = joined.data;
      }
      setSession(s);
    })().catch(setError);
  }, [id]);
  const client = useMemo(() => (session?.roomId ? new RoomClient(session.roomId) : null), [session?.roomId]);
  useEffect(() => {
    client?.start();
    return () => client?.stop();
  }, [client]);
  const publish = useMemo(() => (a: ProtocolAnnotation) => client?.send('annotation.create', { annotation: a }), [client]);
  // the annotations whose lease this user holds now: only those may be changed here
  const holding = (c: RoomClient) => {
    const leases = c.state.leases;
    return Object.keys(c.state.annotations).filter((a) => leases[leaseOf(a)]?.userId === me.value?.id);
  };
  const edits = useMemo(() => (client ? new AnnotationEdits((op, f) => client.send(op, f), () => holding(client)) : null), [client]);
  useEffect(() => () => edits?.dispose(), [edits]);
  const update = useMemo(() => (a: ProtocolAnnotation) => edits?.change(a), [edits]);
  const editing = client ? holding(client) : [];
  const settle = useMemo(() => (v: Viewport) => client?.send('viewport', { settled: true, viewport: v }), [client]);

  if (error && !session) return <Problem error={error} />;
  if (!session) return <p aria-busy="true">{t('common.loading')}</p>;
  if (!client) return <p>{t('room.notOpen')}</p>;
  const present = async (consultId: string) => {
    try {
      setSession(must(await api.PUT('/api/meetings/{id}/session/presenting', {
        params: { path: { id } }, body: { consultId, version: session.version },
      })));
    } catch (e) {
      setError(e);
    }
  };
  const state = client.state;
  const myId = me.value?.id;
  const myRole = state.presence.find((p) => p.userId === myId)?.role;
  const chairs = hasRole('case-manager', 'platform-admin')
    || session.attendees?.some((a) => a.userId === myId && a.chair);
  const mayLead = myRole != null && LEADS.includes(myRole);
  const follow = leader(state);
  const leading = follow?.userId === myId;
  const study = session.presentingStudyUids?.[0];
  const chair = session.attendees?.find((a) => a.chair);
  return (
    <div class="room">
      <div class="titlebar">
        <h1>{t('room.title')}</h1>
        <p role="status" class={client.connection === 'open' ? undefined : 'running'}>
          {t(`room.connection.${client.connection}` as Key)}
        </p>
        <a href={`/meetings/${id}/replay`}>{t('replay.open')}</a>
      </div>
      <div class="roomgrid">
        <div>
          <RoomFollow client={client} mayLead={mayLead && !!study} following={following} onFollowing={setFollowing} />
          {study ? (
            <Viewer key={study} studyUid={study} shared={{ items: state.annotations, publish, editing, update }}
              follow={{ leading, view: follow && following ? state.viewport : null, settle }} />
          ) : <p>{t('room.nothingPresented')}</p>}
          <RoomAnnotations state={state} edit={edits ?? undefined} />
          {session.presentingConsultId && (
            <RecommendationPanel key={session.presentingConsultId} consultId={session.presentingConsultId}
              chairId={chair?.userId} />
          )}
        </div>
        <div>
          <RoomPresence state={state} />
          <section class="card" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t('meeting.agenda')}</h2>
            <ol>
              {(session.agenda ?? []).map((a) => (
                <li key={a.consultId}>
                  <a href={`/consults/${a.consultId}`}>{t('room.case', { n: a.position ?? 0 })}</a>
                  {a.consultId === session.presentingConsultId ? ` · ${t('room.presenting')}`
                    : chairs && (
                      <button type="button" aria-label={t('room.presentNamed', { n: a.position ?? 0 })}
                        onClick={() => present(a.consultId!)}>{t('room.presentThis')}</button>
                    )}
                </li>
              ))}
            </ol>
          </section>
          {session.presentingConsultId && <RoomVotes client={client} question={`recommendation:${session.presentingConsultId}`} />}
          <RoomChat client={client} />
          {client.lastError && <p role="alert" class="error">{client.lastError}</p>}
          <Problem error={error} />
        </div>
      </div>
    </div>
  );
}
