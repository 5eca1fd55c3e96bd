import { describe, expect, it } from 'vitest';
import { UploadQueue, UploadRejected, chunkFor, type Sender, type UploadItem } from './upload';

const file = (name: string, size: number) => Object.assign(new Blob([new Uint8Array(size)]), { name });
const noPause = { sleep: async () => {}, parallel: 1 };

describe('upload queue', () => {
  it('takes a file up again after a dropped connection from what the server holds, and never a file already stored', async () => {
    const sends: string[] = [];
    const resumedFrom: number[] = [];
    const held = new Map<string, number>(); // what the server holds per upload
    let drops = 1;
    const sender: Sender = async (item: UploadItem, progress) => {
      sends.push(item.file.name);
      item.uploadUrl ??= `/api/uploads/${item.file.name}`;
      const from = held.get(item.uploadUrl) ?? 0;
      if (item.attempts > 1) resumedFrom.push(from);
      const half = Math.floor(item.file.size / 2);
      if (item.file.name === 'b.dcm' && drops-- > 0) {
        held.set(item.uploadUrl, half);
        progress(half);
        throw new Error('network');
      }
      held.set(item.uploadUrl, item.file.size);
      progress(item.file.size);
      return { result: '1.2.3' };
    };
    const q = new UploadQueue(sender, noPause);
    q.add([file('a.dcm', 10), file('b.dcm', 20), file('c.dcm', 30)]);
    await q.run();
    expect(sends).toEqual(['a.dcm', 'b.dcm', 'b.dcm', 'c.dcm']);
    expect(resumedFrom).toEqual([10]); // b.dcm went on from its 10th byte, on the same upload
    expect(q.items.map((i) => i.state)).toEqual(['stored', 'stored', 'stored']);
    expect(q.sentBytes).toBe(60);
    expect(q.results).toEqual(['1.2.3']);
    expect(q.resumed).toBe(1);

    await q.run();
    expect(sends).toHaveLength(4);
  });

  it('gives up on a file the server refuses (4xx) without retrying it, and goes on with the others', async () => {
    const sender: Sender = async (item) => {
      if (item.file.name === 'bad.dcm') throw new UploadRejected(400, 'not DICOM');
      return { result: '1.2.4' };
    };
    const q = new UploadQueue(sender, noPause);
    q.add([file('bad.dcm', 5), file('good.dcm', 5)]);
    await q.run();
    expect(q.items.map((i) => [i.state, i.attempts])).toEqual([['failed', 1], ['stored', 1]]);
    expect(q.items[0].error).toBe('not DICOM');
  });

  it('retries an offset conflict (another request was still writing) rather than giving up', async () => {
    let n = 0;
    const q = new UploadQueue(async () => {
      if (n++ === 0) throw new UploadRejected(409, 'another request is writing this upload now');
      return {};
    }, noPause);
    q.add([file('a.dcm', 1)]);
    await q.run();
    expect(q.items[0].state).toBe('stored');
  });

  it('stops retrying after the last attempt', async () => {
    const q = new UploadQueue(async () => { throw new Error('network'); }, { ...noPause, maxAttempts: 3 });
    q.add([file('a.dcm', 1)]);
    await q.run();
    expect(q.items[0].state).toBe('failed');
    expect(q.items[0].attempts).toBe(3);
  });

  it('sends a file in about four pieces, none below 16 kB or above 4 MB', () => {
    expect(chunkFor(34_106)).toBe(16 * 1024);
    expect(chunkFor(512 * 1024)).toBe(128 * 1024);
    expect(chunkFor(1024 ** 3)).toBe(4 * 1024 * 1024);
  });
});
