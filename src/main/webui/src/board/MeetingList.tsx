import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t, type Key } from '../shell/i18n';
import { hasRole, me } from '../shell/me';
import { useLocation } from 'preact-iso';
import { Problem } from '../shell/Problem';
import { downloadIcs } from './calendar';

type Meeting = Schemas['MeetingView'];

/** Upcoming board meetings: all of them for case managers, else those one chairs or is invited to. */
export function MeetingList() {
  const { route } = useLocation();
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => {
    const from = new Date(Date.now() - 12 * 3600_000).toISOString();
    api.GET('/api/meetings', { params: { query: { from } } }).then(must)
      .then((list) => setMeetings([...list].sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''))))
      .catch(setError);
  };
  useEffect(load, []);

  const answer = async (m: Meeting, response: 'ACCEPTED' | 'DECLINED') => {
    try {
      must(await api.PUT('/api/meetings/{id}/invitations/me', { params: { path: { id: m.id! } }, body: { response } }));
      load();
    } catch (e) {
      setError(e);
    }
  };
  const mine = (m: Meeting) => m.invitations?.find((i) => i.userId === me.value?.id);
  const runs = (m: Meeting) => m.chair?.id === me.value?.id || hasRole('case-manager', 'platform-admin');
  const open = async (m: Meeting) => {
    try {
      must(await api.POST('/api/meetings/{id}/session/open', { params: { path: { id: m.id! } }, body: { version: m.version } }));
      route(`/meetings/${m.id}/room`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="meetings-title">
      <h1 id="meetings-title">{t('nav.meetings')}</h1>
      <Problem error={error} />
      {!meetings ? <p aria-busy="true">{t('common.loading')}</p> : (
        <table>
          <caption class="visually-hidden">{t('nav.meetings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meeting.title')}</th>
              <th scope="col">{t('meeting.startsAt')}</th>
              <th scope="col">{t('meeting.chair')}</th>
              <th scope="col">{t('meeting.agenda')}</th>
              <th scope="col">{t('meeting.yourAnswer')}</th>
              <th scope="col"><span class="visually-hidden">{t('meeting.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => {
              const invitation = mine(m);
              return (
                <tr key={m.id}>
                  <td>{m.title}<div class="muted">{t(`meeting.state.${m.state}` as Key)}</div></td>
                  <td>{formatDateTime(m.startsAt)}</td>
                  <td>{m.chair?.displayName}</td>
                  <td>{t('meeting.agendaCount', { n: m.agenda?.length ?? 0 })}</td>
                  <td>{m.chair?.id === me.value?.id ? t('meeting.youChair') : invitation ? t(`invitation.${invitation.response}` as Key) : ''}</td>
                  <td class="actions">
                    {invitation?.response === 'PENDING' && (
                      <>
                        <button type="button" class="primary" aria-label={t('invitation.acceptNamed', { title: m.title ?? '' })}
                          onClick={() => answer(m, 'ACCEPTED')}>{t('invitation.accept')}</button>
                        <button type="button" aria-label={t('invitation.declineNamed', { title: m.title ?? '' })}
                          onClick={() => answer(m, 'DECLINED')}>{t('invitation.decline')}</button>
                      </>
                    )}
                    {m.state === 'PLANNED' && runs(m) && (
                      <button type="button" class="primary" aria-label={t('meeting.openNamed', { title: m.title ?? '' })}
                        onClick={() => open(m)}>{t('meeting.open')}</button>
                    )}
                    {m.state === 'OPEN' && (
                      <a class="button" href={`/meetings/${m.id}/room`} aria-label={t('meeting.enterNamed', { title: m.title ?? '' })}>
                        {t('meeting.enter')}
                      </a>
                    )}
                    <button type="button" class="link" onClick={() => downloadIcs(m.id!, 'consilium-meeting.ics').catch(setError)}>
                      {t('meeting.ics')}
                    </button>
                  </td>
                </tr>
              );
            })}
            {meetings.length === 0 && <tr><td colSpan={6}>{t('meeting.none')}</td></tr>}
          </tbody>
        </table>
      )}
    </section>
  );
}
