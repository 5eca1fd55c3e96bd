import { useMemo, useState } from 'preact/hooks';
import { accessToken } from '../shell/auth';
import { t, type Key } from '../shell/i18n';
import { UploadQueue, tusSender, type UploadItem } from './upload';

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

export interface FileInput {
  label: Key;
  /** A whole folder (a CD or a PACS export), as the browser's folder picker gives it. */
  folder?: boolean;
  accept?: string;
}

/**
 * Files uploaded over tus to /api/uploads (the app's one upload path): per-file and overall progress, a
 * dropped link resumed from the server's offset, the failed ones retried on request. {@code metadata} says
 * what the files are for (docs/webui.md, "Uploads"); {@code onDone} gets what they became.
 */
export function FileUpload(props: {
  inputs: FileInput[];
  metadata: (item: UploadItem) => Record<string, string>;
  onDone: (results: string[]) => void;
  onBusy?: (busy: boolean) => void;
}) {
  const [, redraw] = useState(0);
  const queue = useMemo(() => new UploadQueue(tusSender('/api/uploads', accessToken, props.metadata), {
    onChange: () => redraw((n) => n + 1),
  }), []);
  const start = async (files: FileList | null) => {
    if (files) queue.add(Array.from(files));
    props.onBusy?.(true);
    await queue.run();
    props.onBusy?.(false);
    props.onDone(queue.results);
  };
  const stored = queue.items.filter((i) => i.state === 'stored').length;
  const failed = queue.items.filter((i) => i.state === 'failed').length;
  return (
    <div>
      <div class="actions">
        {props.inputs.map((input) => (
          <label class="field">
            {t(input.label)}
            <input type="file" multiple accept={input.accept} {...(input.folder ? { webkitdirectory: true } : {})}
              onChange={(e) => { const files = e.currentTarget.files; if (files && files.length > 0) void start(files); }} />
          </label>
        ))}
      </div>
      {queue.items.length > 0 && (
        <div>
          <label class="field">
            {t('upload.overall', { stored, total: queue.items.length })}
            <progress max={100} value={percent(queue.sentBytes, queue.totalBytes)} />
          </label>
          {queue.resumed > 0 && <p role="status">{t('upload.resumed', { n: queue.resumed })}</p>}
          {failed > 0 && (
            <p role="alert" class="error">
              {t('upload.failed', { n: failed })}{' '}
              <button type="button" onClick={() => void start(null)}>{t('upload.retry')}</button>
            </p>
          )}
          <details open>
            <summary>{t('upload.perFile')}</summary>
            <ul class="files">
              {queue.items.map((i) => (
                <li key={i.path}>
                  <span>{i.path}</span>
                  <progress aria-label={i.path} max={100} value={i.state === 'stored' ? 100 : percent(i.sent, i.file.size)} />
                  <span>{t(`upload.state.${i.state}` as 'upload.state.stored')}{i.error && i.state !== 'stored' ? ` (${i.error})` : ''}</span>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </div>
  );
}
