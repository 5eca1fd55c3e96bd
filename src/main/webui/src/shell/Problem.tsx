import { t } from './i18n';

/** A failed request, as the user reads it: the server's own detail when it gave one. */
export function Problem(props: { error: unknown }) {
  if (!props.error) return null;
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  return <p role="alert" class="error">{t('error.request')}: {message}</p>;
}
