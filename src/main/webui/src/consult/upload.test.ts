import { describe, expect, it } from 'vitest';
import { StowRejected, UploadQueue, studyOf, type Sender } from './upload';

const file = (name: string, size: number) => Object.assign(new Blob([new Uint8Array(size)]), { name });
const noPause = { sleep: async () => {}, parallel: 1 };

describe('study upload queue', () => {
  it('sends a file again after a dropped connection, and never a file already stored', async () => {
    const sends: string[] = [];
    let drops = 1;
    const sender: Sender = async (f, progress) => {
      const name = (f as Blob & { name: string }).name;
      sends.push(name);
      progress(f.size / 2);
      if (name === 'b.dcm' && drops-- > 0) throw new Error('network');
      progress(f.size);
      return { studyUid: '1.2.3' };
    };
    const q = new UploadQueue(sender, noPause);
    q.add([file('a.dcm', 10), file('b.dcm', 20), file('c.dcm', 30)]);
    await q.run();
    expect(sends).toEqual(['a.dcm', 'b.dcm', 'b.dcm', 'c.dcm']);
    expect(q.items.map((i) => i.state)).toEqual(['stored', 'stored', 'stored']);
    expect(q.sentBytes).toBe(60);
    expect(q.studyUids).toEqual(['1.2.3']);

    await q.run();
    expect(sends).toHaveLength(4);
  });

  it('gives up on a file the archive refuses (4xx) without retrying it, and goes on with the others', async () => {
    const sender: Sender = async (f) => {
      if ((f as Blob & { name: string }).name === 'bad.dcm') throw new StowRejected(400, 'not DICOM');
      return { studyUid: '1.2.4' };
    };
    const q = new UploadQueue(sender, noPause);
    q.add([file('bad.dcm', 5), file('good.dcm', 5)]);
    await q.run();
    expect(q.items.map((i) => [i.state, i.attempts])).toEqual([['failed', 1], ['stored', 1]]);
    expect(q.items[0].error).toBe('not DICOM');
  });

  it('stops retrying after the last attempt', async () => {
    const q = new UploadQueue(async () => { throw new Error('network'); }, { ...noPause, maxAttempts: 3 });
    q.add([file('a.dcm', 1)]);
    await q.run();
    expect(q.items[0].state).toBe('failed');
    expect(q.items[0].attempts).toBe(3);
  });

  it('reads the study from a STOW-RS response', () => {
    const body = JSON.stringify({ '00081199': { vr: 'SQ', Value: [{ '00081190': { vr: 'UR',
      Value: ['http://x/dicomweb/studies/1.2.840.1/series/1.2.840.2/instances/1.2.840.3'] } }] } });
    expect(studyOf(body)).toBe('1.2.840.1');
  });
});
