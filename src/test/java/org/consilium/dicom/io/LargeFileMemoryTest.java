package org.consilium.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 200 MB multi-frame file is read whole, and written again, by a JVM limited to a 64 MB heap. */
class LargeFileMemoryTest {

    private static final int FRAMES = 400;
    private static final int FRAME_BYTES = 512 * 512 * 2;

    @Test
    void readsAndRewritesA200MbMultiFrameFileIn64MbOfHeap(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("pixels.raw");
        CRC32 crc = new CRC32();
        byte[] frame = new byte[FRAME_BYTES];
        try (OutputStream out = Files.newOutputStream(raw)) {
            for (int i = 0; i < FRAMES; i++) {
                java.util.Arrays.fill(frame, (byte) i);
                frame[i] = (byte) 0x5A;
                crc.update(frame);
                out.write(frame);
            }
        }
        Attributes ds = DicomWriterTest.sample();
        ds.setInt(Tag.NumberOfFrames, VR.IS, FRAMES);
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.Columns, VR.US, 512);
        ds.setValue(Tag.PixelData, VR.OW, new BulkData(raw, 0, (long) FRAMES * FRAME_BYTES, false));
        Path big = dir.resolve("big.dcm");
        new DicomWriter().writeFile(big, null, ds, UID.ExplicitVRLittleEndian);
        Files.delete(raw);

        Path classes = Path.of(DicomReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path testClasses = Path.of(LargeFileProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path copy = dir.resolve("copy.dcm");
        ExternalTools.Result r = ExternalTools.run(List.of(javaExe, "-Xmx64m", "-cp",
                classes + java.io.File.pathSeparator + testClasses, LargeFileProbe.class.getName(),
                big.toString(), copy.toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(FRAMES + " " + crc.getValue() + " " + Files.size(big), r.output().strip());
        assertEquals(-1L, Files.mismatch(big, copy), "rewritten file differs");
    }
}
