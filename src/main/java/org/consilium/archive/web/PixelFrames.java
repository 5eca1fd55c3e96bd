package org.consilium.archive.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.data.Fragments;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;

/**
 * Cuts frames out of a stored instance without loading its pixel data: native frames by arithmetic on the
 * Pixel Data offset, encapsulated frames from the fragments (PS3.5 A.4), using the Basic Offset Table
 * when fragments and frames are not one to one.
 */
final class PixelFrames {

    private final List<List<Object>> frames; // each frame: byte[] or BulkData pieces

    private PixelFrames(List<List<Object>> frames) {
        this.frames = frames;
    }

    static PixelFrames of(Path file) throws IOException, DicomException {
        Attributes ds = new DicomReader(DicomReader.Options.DEFAULT.withBulkDataThreshold(4096))
                .readFile(file).dataset();
        Object pixels = ds.getValue(Tag.PixelData);
        int count = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        List<List<Object>> frames = new ArrayList<>(count);
        if (pixels instanceof Fragments f) {
            encapsulated(f, count, frames);
        } else if (pixels instanceof BulkData b) {
            long frameSize = (long) ds.getInt(Tag.Rows, 0) * ds.getInt(Tag.Columns, 0)
                    * ds.getInt(Tag.SamplesPerPixel, 1) * ds.getInt(Tag.BitsAllocated, 16) / 8;
            for (int i = 0; i < count; i++) {
                frames.add(List.of(new BulkData(b.file(), b.offset() + i * frameSize, frameSize, b.bigEndian())));
            }
        } else if (pixels instanceof byte[] bytes) {
            int frameSize = bytes.length / count;
            for (int i = 0; i < count; i++) {
                frames.add(List.of(java.util.Arrays.copyOfRange(bytes, i * frameSize, (i + 1) * frameSize)));
            }
        }
        return new PixelFrames(frames);
    }

    int count() {
        return frames.size();
    }

    /** Writes frame {@code number} (1-based) to {@code out}. */
    void write(int number, OutputStream out) throws IOException {
        for (Object piece : frames.get(number - 1)) {
            if (piece instanceof byte[] b) {
                out.write(b);
            } else {
                try (InputStream in = ((BulkData) piece).openStream()) {
                    in.transferTo(out);
                }
            }
        }
    }

    private static void encapsulated(Fragments f, int count, List<List<Object>> frames) throws IOException {
        List<Object> fragments = f.items().subList(1, f.size());
        if (count == 1) {
            frames.add(fragments);
            return;
        }
        if (fragments.size() == count) {
            fragments.forEach(x -> frames.add(List.of(x)));
            return;
        }
        long[] offsets = basicOffsetTable(f.get(0));
        if (offsets.length != count) {
            throw new IOException(count + " frames in " + fragments.size()
                    + " fragments without a usable Basic Offset Table");
        }
        long position = 0;
        int frame = -1;
        for (Object fragment : fragments) {
            while (frame + 1 < count && offsets[frame + 1] == position) {
                frames.add(new ArrayList<>());
                frame++;
            }
            frames.get(frame).add(fragment);
            position += 8 + length(fragment); // item tag and length precede each fragment
        }
    }

    private static long[] basicOffsetTable(Object bot) throws IOException {
        byte[] bytes = bot instanceof byte[] b ? b : ((BulkData) bot).readBytes();
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long[] offsets = new long[bytes.length / 4];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = Integer.toUnsignedLong(buf.getInt());
        }
        return offsets;
    }

    private static long length(Object fragment) {
        return fragment instanceof byte[] b ? b.length : ((BulkData) fragment).length();
    }
}
