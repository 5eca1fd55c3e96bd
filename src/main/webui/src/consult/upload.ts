/**
 * Study upload over STOW-RS, one DICOM file per request, built for weak county links: every file has its
 * own progress, a file whose request failed (dropped connection, 5xx) is sent again after a pause, and a
 * file the archive has stored is never sent again. The unit of resumption is the file (a CT slice is
 * ~0.5 MB), not the byte; see docs/webui.md.
 */

export type FileState = 'waiting' | 'sending' | 'stored' | 'retrying' | 'failed';

export interface UploadItem {
  readonly file: Blob & { name: string };
  readonly path: string;
  state: FileState;
  sent: number;
  attempts: number;
  studyUid?: string;
  error?: string;
}

export interface StowResult {
  studyUid?: string;
}

/** Sends one file; reports bytes sent; resolves with what the archive stored or rejects (retryable or not). */
export type Sender = (file: Blob, onProgress: (sent: number) => void) => Promise<StowResult>;

export class StowRejected extends Error {
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

  /** Study Instance UIDs of what was stored, each once. */
  get studyUids(): string[] {
    return [...new Set(this.items.map((i) => i.studyUid).filter((u): u is string => !!u))];
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
      item.sent = 0;
      item.attempts++;
      this.onChange();
      try {
        const result = await this.send(item.file, (sent) => {
          item.sent = sent;
          this.onChange();
        });
        item.state = 'stored';
        item.studyUid = result.studyUid;
        item.error = undefined;
        this.onChange();
        return;
      } catch (e) {
        item.error = e instanceof Error ? e.message : String(e);
        const permanent = e instanceof StowRejected && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;
        if (permanent || item.attempts >= this.maxAttempts) {
          item.state = 'failed';
          this.onChange();
          return;
        }
        item.state = 'retrying';
        item.sent = 0;
        this.onChange();
        await this.sleep(this.backoff(item.attempts));
      }
    }
  }
}

const BOUNDARY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A STOW-RS sender over XMLHttpRequest (fetch reports no upload progress), with the bearer token. */
export function stowSender(url: string, token: () => string | undefined): Sender {
  return (file, onProgress) => new Promise((resolve, reject) => {
    let boundary = 'consilium-';
    for (let i = 0; i < 24; i++) boundary += BOUNDARY_CHARS[Math.floor(Math.random() * BOUNDARY_CHARS.length)];
    const head = `--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const body = new Blob([head, file, tail]);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', `multipart/related; type="application/dicom"; boundary=${boundary}`);
    xhr.setRequestHeader('Accept', 'application/dicom+json');
    const bearer = token();
    if (bearer) xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
    xhr.upload.onprogress = (e) => onProgress(Math.max(0, Math.min(file.size, e.loaded - head.length)));
    xhr.onerror = () => reject(new Error('network'));
    xhr.ontimeout = () => reject(new Error('timeout'));
    xhr.onload = () => {
      if (xhr.status === 200 || xhr.status === 202) {
        resolve({ studyUid: studyOf(xhr.responseText) });
      } else {
        reject(new StowRejected(xhr.status, failureOf(xhr.responseText) ?? `HTTP ${xhr.status}`));
      }
    };
    xhr.send(body);
  });
}

/** The study of the first stored instance, from its RetrieveURL (…/studies/{uid}/series/…). */
export function studyOf(stowResponse: string): string | undefined {
  try {
    const json = JSON.parse(stowResponse) as Record<string, { Value?: Record<string, { Value?: string[] }>[] }>;
    const url = json['00081199']?.Value?.[0]?.['00081190']?.Value?.[0];
    return url?.match(/\/studies\/([0-9.]+)/)?.[1];
  } catch {
    return undefined;
  }
}

function failureOf(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { detail?: string; title?: string };
    return json.detail ?? json.title;
  } catch {
    return undefined;
  }
}
