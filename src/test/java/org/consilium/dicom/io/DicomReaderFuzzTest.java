package org.consilium.dicom.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

    @FuzzTest(maxDuration = "5m")
    void readsOrFailsTyped(byte[] input) throws Exception {
        DicomFile file;
        try {
            file = new DicomReader(DicomReader.Options.IN_MEMORY).read(new ByteArrayInputStream(input));
        } catch (DicomException expected) {
            return;
        }
        try {
            new DicomWriter().writeFile(new ByteArrayOutputStream(), file);
        } catch (DicomException expected) {
            // e.g. text that the declared character set cannot encode
        }
    }
}
