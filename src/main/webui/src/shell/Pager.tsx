import { t } from './i18n';

/** Previous / next over a server-paged list (offset and limit, as every list endpoint takes them). */
export function Pager(props: { offset: number; limit: number; total: number; onMove: (offset: number) => void }) {
  const { offset, limit, total, onMove } = props;
  if (total === 0) return null;
  return (
    <nav class="pager" aria-label={t('pager.label')}>
      <button type="button" disabled={offset === 0} onClick={() => onMove(Math.max(0, offset - limit))}>
        {t('pager.previous')}
      </button>
      <span>{t('pager.range', { from: offset + 1, to: Math.min(offset + limit, total), total })}</span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onMove(offset + limit)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
