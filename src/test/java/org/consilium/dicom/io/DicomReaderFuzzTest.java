package org.consilium.dicom.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consilium.dicom.DicomException;

/**
 * Coverage-guided fuzzing of the reader (and the writer on whatever it accepts). Any exception other than
 * a {@link DicomException}, and any OutOfMemoryError or StackOverflowError, is a finding.
 *
 * <p>Every {@code mvn test} replays the seeds in {@code src/test/resources/.../DicomReaderFuzzTestInputs}.
 * To fuzz (see docs/dicom-toolkit.md):
 * <pre>JAZZER_FUZZ=1 JAZZER_MAX_DURATION=60s ./mvnw -B test -Dtest=DicomReaderFuzzTest</pre>
 */
class DicomReaderFuzzTest {

    private static Path scratch;

    /** Reads the input as a stream (size unknown, values in memory) and as a file (size known, bulk data). */
    @FuzzTest(maxDuration = "5m")
    void readsOrFailsTyped(byte[] input) throws Exception {
        readAndWrite(DicomReader.Options.IN_MEMORY, null, input);
        if (scratch == null) {
            Path shm = Path.of("/dev/shm"); // memory-backed where there is one: file writes dominate otherwise
            scratch = Files.isDirectory(shm) ? Files.createTempFile(shm, "fuzz", ".dcm") : Files.createTempFile("fuzz", ".dcm");
            scratch.toFile().deleteOnExit();
        }
        Files.write(scratch, input);
        readAndWrite(DicomReader.Options.DEFAULT.withBulkDataThreshold(64), scratch, input);
        readAndWrite(DicomReader.Options.DEFAULT.withStopBeforePixelData(true), scratch, input);
    }

    private static void readAndWrite(DicomReader.Options options, Path file, byte[] input) throws Exception {
        DicomFile read;
        try {
            DicomReader reader = new DicomReader(options);
            read = file == null ? reader.read(new ByteArrayInputStream(input)) : reader.readFile(file);
        } catch (DicomException expected) {
            return;
        }
        try {
            new DicomWriter().writeFile(new ByteArrayOutputStream(), read);
        } catch (DicomException expected) {
            // e.g. text that the declared character set cannot encode
        }
    }
}
