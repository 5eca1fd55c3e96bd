package org.consilium.dicom.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

    static final Path COMMITTED = Path.of("dicom-samples");

    @Test
    void regeneratesTheCommittedSamplesByteForByte(@TempDir Path out) throws Exception {
        new SampleGenerator(out, SampleGenerator.DEFAULT_SEED).generate();
        List<Path> generated = dicomFiles(out);
        List<Path> committed = dicomFiles(COMMITTED);
        assertEquals(committed.stream().map(COMMITTED::relativize).toList(),
            generated.stream().map(out::relativize).toList(), "same files; rerun bin/generate-samples and commit");
        for (Path file : generated) {
            assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(out.relativize(file))), Files.readAllBytes(file),
                out.relativize(file) + " differs from the committed sample; rerun bin/generate-samples and commit");
        }
    }

    @Test
    void anotherSeedGivesOtherUids(@TempDir Path out) throws Exception {
        new SampleGenerator(out, 7).generate();
        String ct = Files.readString(out.resolve("lung-phantom/CT/CT0001.dcm"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(ct.contains(SampleUids.SAMPLES_ARC + ".7.1.1.1"));
    }

    @Test
    void keepsTheFolderToAFewMegabytes() throws IOException {
        long total = 0;
        for (Path p : dicomFiles(COMMITTED)) {
            total += Files.size(p);
        }
        assertTrue(total < 8_000_000, "dicom-samples holds " + total + " bytes");
    }

    static List<Path> dicomFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }
}
