import { DetailedError, Upload } from 'tus-js-client';

/**
 * Uploads built for weak county links, over the tus 1.0 resumable-upload protocol (docs/webui.md,
 * "Uploads"): every file has its own progress; a file whose transfer failed (dropped connection, 5xx) is
 * taken up again after a pause from the byte the server holds (the server keeps what arrived), so bytes
 * already received are never sent twice; a file the server has handed on is never sent again. The one
 * upload path of the app: DICOM studies and attachments alike.
 */

export type FileState = 'waiting' | 'sending' | 'stored' | 'retrying' | 'failed';

export interface UploadItem {
  readonly file: Blob & { name: string };
  readonly path: string;
  state: FileState;
  /** Bytes the server holds. */
  sent: number;
  attempts: number;
  /** The server's upload of this file (its tus URL), once created: a retry resumes it. */
  uploadUrl?: string;
  /** What the server made of the file: the study it went into, the attachment's id. */
  result?: string;
  error?: string;
}

/** Sends one file (or the rest of it); reports bytes the server holds; resolves with what it became. */
export type Sender = (item: UploadItem, onProgress: (sent: number) => void) => Promise<{ result?: string }>;

export class UploadRejected extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface QueueOptions {
  maxAttempts?: number;
  /** Pause before the n-th retry, ms. */
  backoff?: (attempt: number) => number;
  parallel?: number;
  onChange?: () => void;
  sleep?: (ms: number) => Promise<void>;
}

export class UploadQueue {
  readonly items: UploadItem[] = [];
  private readonly maxAttempts: number;
  private readonly backoff: (attempt: number) => number;
  private readonly parallel: number;
  private readonly onChange: () => void;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly send: Sender, options: QueueOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 20;
    this.backoff = options.backoff ?? ((n) => Math.min(30_000, 1000 * 2 ** Math.min(n - 1, 5)));
    this.parallel = options.parallel ?? 2;
    this.onChange = options.onChange ?? (() => {});
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  add(files: Iterable<Blob & { name: string; webkitRelativePath?: string }>): void {
    for (const file of files) {
      this.items.push({ file, path: file.webkitRelativePath || file.name, state: 'waiting', sent: 0, attempts: 0 });
    }
    this.onChange();
  }

  get totalBytes(): number {
    return this.items.reduce((n, i) => n + i.file.size, 0);
  }

  get sentBytes(): number {
    return this.items.reduce((n, i) => n + (i.state === 'stored' ? i.file.size : i.sent), 0);
  }

  /** What the files became (Study Instance UIDs, attachment ids), each once. */
  get results(): string[] {
    return [...new Set(this.items.map((i) => i.result).filter((u): u is string => !!u))];
  }

  /** Times a file was taken up again after its transfer failed. */
  get resumed(): number {
    return this.items.reduce((n, i) => n + Math.max(0, i.attempts - 1), 0);
  }

  get done(): boolean {
    return this.items.every((i) => i.state === 'stored' || i.state === 'failed');
  }

  /** Sends every file not stored yet; resolves when each is stored or has failed for good. */
  async run(): Promise<void> {
    for (const i of this.items) {
      if (i.state === 'failed') {
        i.state = 'waiting';
        i.attempts = 0;
      }
    }
    const workers = Array.from({ length: this.parallel }, () => this.work());
    await Promise.all(workers);
  }

  private next(): UploadItem | undefined {
    return this.items.find((i) => i.state === 'waiting');
  }

  private async work(): Promise<void> {
    for (let item = this.next(); item; item = this.next()) {
      await this.deliver(item);
    }
  }

  private async deliver(item: UploadItem): Promise<void> {
    while (true) {
      item.state = 'sending';
      item.attempts++;
      this.onChange();
      try {
        const done = await this.send(item, (sent) => {
          item.sent = sent;
          this.onChange();
        });
        item.state = 'stored';
        item.result = done.result;
        item.error = undefined;
        this.onChange();
        return;
      } catch (e) {
        item.error = e instanceof Error ? e.message : String(e);
        const permanent = e instanceof UploadRejected && e.status >= 400 && e.status < 500 && e.status !== 408
          && e.status !== 409 && e.status !== 423 && e.status !== 429;
        if (permanent || item.attempts >= this.maxAttempts) {
          item.state = 'failed';
          this.onChange();
          return;
        }
        item.state = 'retrying';
        this.onChange();
        await this.sleep(this.backoff(item.attempts));
      }
    }
  }
}

/**
 * Bytes per PATCH request for a file of {@code size}: a quarter of the file, at least 16 kB and at most 4 MB.
 * The server keeps the bytes of a request cut short, but a proxy that buffers request bodies (nginx does by
 * default) passes on nothing of a request that did not finish; in pieces, a drop costs at most the piece in
 * flight, and each piece is acknowledged with the offset.
 */
export function chunkFor(size: number): number {
  return Math.min(4 * 1024 * 1024, Math.max(16 * 1024, Math.ceil(size / 4)));
}

/**
 * A tus sender (tus-js-client) to the server's /api/uploads with the bearer token read per request (a
 * refreshed token included). The first attempt creates the upload (its metadata names what the file is
 * for); a later one resumes it at the offset the server reports. Retries are the queue's, not the library's.
 */
export function tusSender(endpoint: string, token: () => string | undefined,
  metadata: (item: UploadItem) => Record<string, string>): Sender {
  return (item, onProgress) => new Promise((resolve, reject) => {
    const upload: Upload = new Upload(item.file, {
      endpoint,
      uploadUrl: item.uploadUrl ?? null,
      chunkSize: chunkFor(item.file.size),
      retryDelays: null,
      storeFingerprintForResuming: false,
      metadata: { filename: item.path, filetype: item.file.type || 'application/octet-stream', ...metadata(item) },
      onBeforeRequest: (req) => {
        const bearer = token();
        if (bearer) req.setHeader('Authorization', `Bearer ${bearer}`);
      },
      onUploadUrlAvailable: () => {
        item.uploadUrl = upload.url ?? undefined;
      },
      onProgress: (sent) => onProgress(sent),
      onSuccess: ({ lastResponse }) => resolve({ result: lastResponse.getHeader('Consilium-Upload-Result') || undefined }),
      onError: (e) => {
        const response = e instanceof DetailedError ? e.originalResponse : null;
        const status = response?.getStatus() ?? 0;
        if ((status === 404 || status === 410) && item.uploadUrl) {
          item.uploadUrl = undefined; // the server's upload expired: the next attempt starts the file again
          reject(new Error('expired'));
          return;
        }
        reject(status ? new UploadRejected(status, failureOf(response!.getBody()) ?? `HTTP ${status}`) : new Error('network'));
      },
    });
    upload.start();
  });
}

function failureOf(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { detail?: string; title?: string };
    return json.detail ?? json.title;
  } catch {
    return undefined;
  }
}
