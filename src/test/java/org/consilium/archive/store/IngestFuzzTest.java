package org.consilium.archive.store;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consilium.archive.IngestException;
import org.consilium.archive.web.DicomWebLinks;
import org.consilium.dicom.io.DicomFile;

/**
 * Coverage-guided fuzzing of the whole ingest of one object short of writing it: parse as ingest parses,
 * index extraction (every value through IndexValues), the JSON documents stored with it, and the Error
 * Comment a refusal would carry. Anything but an {@link IngestException} is a finding: over C-STORE it would
 * be a bare C000 and over STOW-RS a 500.
 *
 * <p>Every {@code mvn test} replays the seeds in {@code src/test/resources/.../IngestFuzzTestInputs}. To fuzz:
 * <pre>JAZZER_FUZZ=1 JAZZER_MAX_DURATION=60s ./mvnw -B test -Dtest=IngestFuzzTest</pre>
 */
class IngestFuzzTest {

    private static final DicomWebLinks LINKS = new DicomWebLinks();
    private static Path scratch;

    @FuzzTest(maxDuration = "5m")
    void ingestsOrRefusesTyped(byte[] input) throws Exception {
        if (scratch == null) {
            Path shm = Path.of("/dev/shm");
            scratch = Files.isDirectory(shm) ? Files.createTempFile(shm, "ingest", ".dcm") : Files.createTempFile("ingest", ".dcm");
            scratch.toFile().deleteOnExit();
        }
        Files.write(scratch, input);
        try (InputStream in = Files.newInputStream(scratch)) {
            DicomFile file = Ingest.parse(scratch, in, input.length);
            Ingest.Extracted x = Ingest.extract(file, LINKS);
            x.header().coercions().forEach(c -> c.describe());
        } catch (IngestException refused) {
            if (refused.errorComment().length() > 64) {
                throw new AssertionError("Error Comment over 64 characters: " + refused.errorComment());
            }
        }
    }
}
