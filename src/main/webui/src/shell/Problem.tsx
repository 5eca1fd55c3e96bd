import { ProblemError } from '../api/client';
import { t } from './i18n';

/** A failed request, as the user reads it: the server's own detail when it gave one, and each field it named. */
export function Problem(props: { error: unknown }) {
  if (!props.error) return null;
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  const errors = props.error instanceof ProblemError ? props.error.errors : [];
  return (
    <div role="alert" class="error">
      <p>{t('error.request')}: {message}</p>
      {errors.length > 0 && (
        <ul class="problem-fields">
          {errors.map((e) => <li><strong>{e.field}</strong>: {e.message}</li>)}
        </ul>
      )}
    </div>
  );
}
