package org.consilium.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every composite instance of pydicom's test corpus (Debian python3-pydicom) that we read, de-identified with
 * the Basic Profile: nothing the table removes or empties survives at any depth, no private attribute is left,
 * dciodvfy finds no error the original did not have, and dcmdump reads the result wherever it reads the original.
 */
class BasicProfilePydicomCorpusTest {

    static final Path CORPUS = ExternalTools.PYDICOM_DATA.resolve("test_files");
    static final Pseudonym PSEUDONYM = new Pseudonym("RESEARCH-7", "RESEARCH^SUBJECT");

    @TempDir
    Path out;

    private int deidentified;

    @TestFactory
    Stream<DynamicTest> eachCorpusInstanceIsDeidentifiedByTheTable() throws IOException {
        ExternalTools.requirePydicom();
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertTrue(files.size() > 50, "pydicom corpus incomplete");
        return Stream.concat(
                files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f))),
                Stream.of(DynamicTest.dynamicTest("most of the corpus was de-identified, not skipped",
                        () -> assertTrue(deidentified >= 40, deidentified + " instances de-identified"))));
    }

    private void check(Path file) throws Exception {
        DicomFile original;
        try {
            original = new DicomReader().readFile(file);
        } catch (DicomException e) {
            return; // the toolkit's own corpus test lists the files it refuses and why
        }
        Attributes ds = original.dataset();
        if (ds.getString(Tag.SOPInstanceUID) == null || ds.getString(Tag.SOPClassUID) == null) {
            return; // not a composite instance (a bare data set or a directory)
        }
        Deidentifier deid = new Deidentifier(DeidOptions.BASIC, new StudyMapping(new byte[32]), PSEUDONYM);
        DicomFile result;
        try {
            result = deid.deidentify(original);
        } catch (BurnedInAnnotationException e) {
            assertEquals("YES", ds.getString(Tag.BurnedInAnnotation));
            return;
        }
        deidentified++;
        Path target = out.resolve(file.getFileName());
        new DicomWriter().writeFile(target, result);
        Attributes reread = new DicomReader().readFile(target).dataset();
        assertEquals(List.of(), DeidentifiedOutput.violations(reread, DeidOptions.BASIC, true));
        assertEquals("YES", reread.getString(Tag.PatientIdentityRemoved));

        List<String> before = dciodvfyErrors(file);
        List<String> after = dciodvfyErrors(target);
        assertTrue(after.size() <= before.size(), "new dciodvfy errors:\n" + String.join("\n", after)
                + "\nwhere the original had:\n" + String.join("\n", before));
        if (ExternalTools.run(List.of("dcmdump", "-q", file.toString())).exitCode() == 0) {
            ExternalTools.Result dump = ExternalTools.run(List.of("dcmdump", "-q", target.toString()));
            assertEquals(0, dump.exitCode(), dump.output());
        }
    }

    static List<String> dciodvfyErrors(Path file) {
        return ExternalTools.run(List.of("dciodvfy", file.toString())).output().lines()
                .filter(l -> l.startsWith("Error")).toList();
    }
}
