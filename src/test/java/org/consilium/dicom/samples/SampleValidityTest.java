package org.consilium.dicom.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.consilium.dicom.ExternalTools;
import org.junit.jupiter.api.Test;

/** dicom3tools' dciodvfy and dcmtk's dcmdump accept every committed sample; a missing tool fails. */
class SampleValidityTest {

    @Test
    void dciodvfyReportsNoErrors() throws Exception {
        List<String> errors = new ArrayList<>();
        for (Path file : SampleGeneratorTest.dicomFiles(SampleGeneratorTest.COMMITTED)) {
            ExternalTools.Result r = ExternalTools.run(List.of("dciodvfy", file.toString()));
            r.output().lines().filter(l -> l.startsWith("Error")).forEach(l -> errors.add(file + ": " + l));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void dcmdumpParsesEverySample() throws Exception {
        List<Path> files = SampleGeneratorTest.dicomFiles(SampleGeneratorTest.COMMITTED);
        assertTrue(files.size() > 100);
        for (Path file : files) {
            ExternalTools.Result r = ExternalTools.run(List.of("dcmdump", "-q", "+E", file.toString()));
            assertEquals(0, r.exitCode(), file + ": " + r.output());
            assertTrue(r.output().lines().noneMatch(l -> l.startsWith("E:")), file + ": " + r.output());
        }
    }

    @Test
    void chineseNamesDecodeTheSameInBothCharacterSets() {
        for (String variant : List.of("GB18030", "ISO_IR_192")) {
            ExternalTools.Result r = ExternalTools.run(List.of("dcmdump", "+U8", "+P", "PatientName",
                SampleGeneratorTest.COMMITTED.resolve("chinese-name/" + variant + "/CT0001.dcm").toString()));
            assertTrue(r.output().contains("[ZHANG^SAN=张^三]"), variant + ": " + r.output());
        }
    }
}
