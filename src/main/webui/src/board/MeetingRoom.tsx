import { useEffect, useMemo, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { api, must, type Schemas } from '../api/client';
import { RoomClient } from '../live/roomClient';
import { people } from '../live/roomState';
import { formatDateTime, t, type Key } from '../shell/i18n';
import { hasRole, me } from '../shell/me';
import { Problem } from '../shell/Problem';
import { describe, type ProtocolAnnotation } from '../viewer/annotations';

const Viewer = lazy(() => import('../viewer/Viewer'));

type Session = Schemas['SessionView'];

export function Chat(props: { client: RoomClient }) {
  const [text, setText] = useState('');
  const send = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    props.client.send('chat', { text: text.trim() });
    setText('');
  };
  return (
    <section class="card" aria-labelledby="chat-title">
      <h2 id="chat-title">{t('room.chat')}</h2>
      <div role="log" aria-label={t('room.chatLog')}><ol class="chat">
        {props.client.state.chat.map((c) => (
          <li key={c.seq}><strong>{c.author}</strong> <span class="muted">{formatDateTime(c.at)}</span><div>{c.text}</div></li>
        ))}
      </ol></div>
      <form onSubmit={send} class="actions">
        <label class="field grow">
          {t('room.message')}
          <input type="text" value={text} maxLength={4000} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('room.send')}</button>
      </form>
    </section>
  );
}

/**
 * The live consult room of a board meeting: who is here, the chat, and the presented consult's images.
 * Everything in it comes from the room's events, so a dropped network restores it without reloading.
 */
export function MeetingRoom(props: { id?: string; params?: { id: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, redraw] = useState(0);
  const load = () => api.GET('/api/meetings/{id}/session', { params: { path: { id } } }).then(must).then(setSession).catch(setError);
  useEffect(() => {
    load();
  }, [id]);
  const client = useMemo(() => (session?.roomId ? new RoomClient(session.roomId, () => redraw((n) => n + 1)) : null),
    [session?.roomId]);
  useEffect(() => {
    client?.start();
    return () => client?.stop();
  }, [client]);
  const publish = useMemo(() => (a: ProtocolAnnotation) => client?.send('annotation.create', { annotation: a }), [client]);

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
  const chairs = hasRole('case-manager', 'platform-admin')
    || session.attendees?.some((a) => a.userId === me.value?.id && a.chair);
  const study = session.presentingStudyUids?.[0];
  const annotations = Object.values(client.state.annotations);
  return (
    <div class="room">
      <div class="titlebar">
        <h1>{t('room.title')}</h1>
        <p role="status" class={client.connection === 'open' ? undefined : 'running'}>
          {t(`room.connection.${client.connection}` as Key)}
        </p>
      </div>
      <div class="roomgrid">
        <div>
          {study ? <Viewer key={study} studyUid={study} shared={{ items: client.state.annotations, publish }} />
            : <p>{t('room.nothingPresented')}</p>}
          <section class="card" aria-labelledby="annotations-title">
            <h2 id="annotations-title">{t('room.annotations', { n: annotations.length })}</h2>
            <ul aria-label={t('room.annotationList')}>
              {annotations.map((a) => <li key={String(a.id)}>{describe(a, (k) => t(`annotation.kind.${k}` as Key))}</li>)}
            </ul>
          </section>
        </div>
        <div>
          <section class="card" aria-labelledby="presence-title">
            <h2 id="presence-title">{t('room.present', { n: people(client.state).length })}</h2>
            <ul aria-label={t('room.presentList')}>
              {people(client.state).map((p) => (
                <li key={p.userId}>{p.displayName}{p.role ? ` · ${t(`room.role.${p.role}` as Key)}` : ''}</li>
              ))}
            </ul>
          </section>
          <section class="card" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t('meeting.agenda')}</h2>
            <ol>
              {(session.agenda ?? []).map((a) => (
                <li key={a.consultId}>
                  <a href={`/consults/${a.consultId}`}>{t('room.case', { n: a.position ?? 0 })}</a>
                  {a.consultId === session.presentingConsultId ? ` · ${t('room.presenting')}`
                    : chairs && <button type="button" onClick={() => present(a.consultId!)}>{t('room.presentThis')}</button>}
                </li>
              ))}
            </ol>
          </section>
          <Chat client={client} />
          {client.lastError && <p role="alert" class="error">{client.lastError}</p>}
          <Problem error={error} />
        </div>
      </div>
    </div>
  );
}
