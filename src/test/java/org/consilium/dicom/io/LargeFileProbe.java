package org.consilium.dicom.io;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.dict.Tag;

/**
 * Run in a JVM with a small heap by {@link LargeFileMemoryTest}: reads a whole file (Pixel Data as bulk data),
 * checksums the pixels through their stream, and writes the file again. Prints "frames crc32 bytesWritten".
 */
public final class LargeFileProbe {

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        DicomFile f = new DicomReader().readFile(in);
        Attributes ds = f.dataset();
        BulkData pixels = ds.getBulkData(Tag.PixelData);
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[1 << 16];
        try (InputStream s = pixels.openStream()) {
            for (int n; (n = s.read(chunk)) > 0; ) {
                crc.update(chunk, 0, n);
            }
        }
        new DicomWriter().writeFile(out, f);
        System.out.println(ds.getInt(Tag.NumberOfFrames, 0) + " " + crc.getValue() + " " + java.nio.file.Files.size(out));
    }
}
