import { useState } from 'preact/hooks';
import type { RoomClient } from '../live/roomClient';
import { leader, people, votesOn, type RoomState } from '../live/roomState';
import { describe, leaseOf } from '../viewer/annotations';
import { formatDateTime, t, type Key } from '../shell/i18n';
import { me } from '../shell/me';

export const CHOICES = ['agree', 'disagree', 'abstain'] as const;

/** The room's discussion as it stood at {@code state}; with a client, a field to add to it. */
export function RoomChat(props: { client?: RoomClient; state?: RoomState }) {
  const [text, setText] = useState('');
  const state = props.state ?? props.client!.state;
  const send = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    props.client?.send('chat', { text: text.trim() });
    setText('');
  };
  return (
    <section class="card" aria-labelledby="chat-title">
      <h2 id="chat-title">{t('room.chat')}</h2>
      <div role="log" aria-label={t('room.chatLog')}><ol class="chat">
        {state.chat.map((c) => (
          <li key={c.seq}><strong>{c.author}</strong> <span class="muted">{formatDateTime(c.at)}</span><div>{c.text}</div></li>
        ))}
      </ol></div>
      {props.client && (
        <form onSubmit={send} class="actions">
          <label class="field grow">
            {t('room.message')}
            <input type="text" value={text} maxLength={4000} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('room.send')}</button>
        </form>
      )}
    </section>
  );
}

/**
 * Votes on the presented consult's recommendation: agree, disagree or abstain, one per person (the last
 * counts), with who voted what. The question is a stable key, so that zh-CN and English voters count together.
 */
export function RoomVotes(props: { client?: RoomClient; state?: RoomState; question: string }) {
  const state = props.state ?? props.client!.state;
  const votes = votesOn(state, props.question);
  const mine = votes.find((v) => v.userId === me.value?.id)?.choice;
  return (
    <section class="card" aria-labelledby="votes-title">
      <h2 id="votes-title">{t('vote.title')}</h2>
      <p>{CHOICES.map((c) => t('vote.count', { choice: t(`vote.${c}` as Key), n: votes.filter((v) => v.choice === c).length })).join(' · ')}</p>
      {props.client && (
        <div class="actions" role="group" aria-label={t('vote.cast')}>
          {CHOICES.map((c) => (
            <button type="button" aria-pressed={mine === c} onClick={() => props.client!.send('vote', { question: props.question, choice: c })}>
              {t(`vote.${c}` as Key)}
            </button>
          ))}
        </div>
      )}
      <ul aria-label={t('vote.list')}>
        {votes.map((v) => <li key={v.userId}>{t('vote.line', { name: v.author, choice: t(`vote.${v.choice}` as Key) })}</li>)}
      </ul>
    </section>
  );
}

/**
 * The room's annotations with their authors and the server's measurements, and who is editing which. With
 * {@code edit}, each can be taken for editing (its lease) and given back; one held by someone else cannot.
 */
export function RoomAnnotations(props: {
  state: RoomState;
  edit?: { begin: (id: string) => void; finish: (id: string) => void };
}) {
  const annotations = Object.values(props.state.annotations);
  const myId = me.value?.id;
  return (
    <section class="card" aria-labelledby="annotations-title">
      <h2 id="annotations-title">{t('room.annotations', { n: annotations.length })}</h2>
      <ul aria-label={t('room.annotationList')}>
        {annotations.map((a, i) => {
          const id = String(a.id);
          const holder = props.state.leases[leaseOf(id)];
          const mine = holder?.userId === myId;
          return (
            <li key={id} data-annotation-id={id}>
              {describe(a, (k) => t(`annotation.kind.${k}` as Key))}
              {typeof a.editedBy === 'string' && <span class="muted"> · {t('annotation.editedBy', { name: a.editedBy })}</span>}
              {holder && !mine && <strong> · {t('annotation.editing', { name: holder.displayName })}</strong>}
              {props.edit && (mine ? (
                <button type="button" aria-label={t('annotation.finish', { n: i + 1 })} onClick={() => props.edit!.finish(id)}>
                  {t('annotation.finishShort')}
                </button>
              ) : (
                <button type="button" aria-label={t('annotation.edit', { n: i + 1 })} disabled={!!holder}
                  onClick={() => props.edit!.begin(id)}>
                  {t('annotation.editShort')}
                </button>
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Who is in the room, each person once, with their role in it. */
export function RoomPresence(props: { state: RoomState }) {
  const here = people(props.state);
  return (
    <section class="card" aria-labelledby="presence-title">
      <h2 id="presence-title">{t('room.present', { n: here.length })}</h2>
      <ul aria-label={t('room.presentList')}>
        {here.map((p) => <li key={p.userId}>{p.displayName}{p.role ? ` · ${t(`room.role.${p.role}` as Key)}` : ''}</li>)}
      </ul>
    </section>
  );
}

/**
 * "Follow me" (docs/live-protocol.md): who presents; the presenter stops it, the others may stop following
 * to look around alone; someone who may lead starts it.
 */
export function RoomFollow(props: { client: RoomClient; mayLead: boolean; following: boolean; onFollowing: (on: boolean) => void }) {
  const follow = leader(props.client.state);
  const leading = follow?.userId === me.value?.id;
  return (
    <section class="card" aria-label={t('follow.title')}>
      {follow ? (
        <p class="actions">
          <span role="status">{leading ? t('follow.leading') : t('follow.led', { name: follow.displayName })}</span>
          {leading ? <button type="button" onClick={() => props.client.send('follow.stop', {})}>{t('follow.stop')}</button>
            : (
              <label class="check">
                <input type="checkbox" checked={props.following} onChange={(e) => props.onFollowing(e.currentTarget.checked)} />
                {t('follow.follow')}
              </label>
            )}
        </p>
      ) : (
        <p class="actions">
          <span>{t('follow.none')}</span>
          {props.mayLead && <button type="button" onClick={() => props.client.send('follow.start', {})}>{t('follow.start')}</button>}
        </p>
      )}
    </section>
  );
}
