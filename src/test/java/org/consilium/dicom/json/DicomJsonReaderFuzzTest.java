package org.consilium.dicom.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.List;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;

/**
 * Coverage-guided fuzzing of the DICOM JSON reader (and the writer on whatever it accepts): any exception
 * other than a {@link DicomException}, and any OutOfMemoryError or StackOverflowError, is a finding, since
 * JSON from a client must end in a clear refusal. Every {@code mvn test} replays the seeds in
 * {@code src/test/resources/.../DicomJsonReaderFuzzTestInputs}. To fuzz:
 * <pre>JAZZER_FUZZ=1 JAZZER_MAX_DURATION=60s ./mvnw -B test -Dtest=DicomJsonReaderFuzzTest</pre>
 */
class DicomJsonReaderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void readsOrFailsTyped(byte[] input) throws Exception {
        List<Attributes> read;
        try {
            read = new DicomJsonReader().withBulkDataResolver((tag, vr, uri) -> new byte[0])
                .readDatasets(new ByteArrayInputStream(input));
        } catch (DicomException expected) {
            return;
        }
        DicomJsonWriter writer = new DicomJsonWriter(new StringWriter()).beginArray();
        for (Attributes a : read) {
            writer.write(a);
        }
        writer.endArray().flush();
    }
}
