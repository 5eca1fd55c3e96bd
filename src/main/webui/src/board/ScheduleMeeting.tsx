import { useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { formatDateTime, t } from '../shell/i18n';
import { Problem } from '../shell/Problem';
import { downloadIcs, isoToLocalInput, localInputToIso } from './calendar';

type Consult = Schemas['ConsultView'];
type Meeting = Schemas['MeetingView'];

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

  if (consult.state !== 'TRIAGED' && !meeting) return null;
  const schedule = async () => {
    try {
      const m = must(await api.POST('/api/meetings', {
        body: {
          kind: 'BOARD', title, startsAt: localInputToIso(startsAt), endsAt: localInputToIso(endsAt),
          place: place || undefined, chairId: chair, consultIds: [consult.id!],
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
          <p class="muted">{t('meeting.invitees', { names: assigned.map((a) => a.displayName).join('、') })}</p>
          <button type="button" class="primary" onClick={schedule}>{t('meeting.scheduleButton')}</button>
        </>
      )}
      <Problem error={error} />
    </section>
  );
}
