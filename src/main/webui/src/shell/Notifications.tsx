import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from '../api/client';
import { openUserChannel } from '../live/userChannel';
import { formatDateTime, lang, t } from './i18n';
import { notificationLink } from './notificationLink';

type Notification = Schemas['NotificationView'];

/**
 * The unread count and feed: read over REST, then kept current by the user's live channel (a push of kind
 * {@code notification}); every (re)connect reads the feed again, so nothing sent while offline is missed.
 */
export function Notifications() {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const reload = async () => {
    const page = must(await api.GET('/api/notifications', { params: { query: { unread: true, limit: 20 } } }));
    setItems(page.items ?? []);
    setUnread(page.total ?? 0);
  };
  useEffect(() => {
    reload().catch(() => {});
    return openUserChannel((push) => {
      if (push.kind !== 'notification') return;
      const n = push.payload as Notification;
      setItems((list) => [n, ...list.filter((i) => i.id !== n.id)].slice(0, 20));
      setUnread((c) => c + 1);
    }, () => reload().catch(() => {}));
  }, []);

  const markRead = async (n: Notification) => {
    await api.POST('/api/notifications/{id}/read', { params: { path: { id: n.id! } } });
    setItems((list) => list.filter((i) => i.id !== n.id));
    setUnread((c) => Math.max(0, c - 1));
  };
  const markAll = async () => {
    await api.POST('/api/notifications/read-all');
    setItems([]);
    setUnread(0);
  };
  const title = (n: Notification) => (lang.value === 'en' ? n.titleEn ?? n.titleZh : n.titleZh);

  return (
    <div class="notifications">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('notifications.button', { n: unread })}
      </button>
      {open && (
        <section class="panel" aria-label={t('notifications.title')}>
          {items.length === 0 ? <p>{t('notifications.none')}</p> : (
            <ul>
              {items.map((n) => (
                <li key={n.id}>
                  <a href={notificationLink(n) ?? '#'} onClick={() => { markRead(n); setOpen(false); }}>
                    {title(n)}
                  </a>
                  <div class="muted">{formatDateTime(n.createdAt)}</div>
                </li>
              ))}
            </ul>
          )}
          {items.length > 0 && <button type="button" class="link" onClick={markAll}>{t('notifications.readAll')}</button>}
        </section>
      )}
    </div>
  );
}
