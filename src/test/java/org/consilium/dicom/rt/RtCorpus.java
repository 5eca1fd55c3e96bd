package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.io.DicomReader;

/** The RT files the tests read: pydicom's corpus (Debian python3-pydicom) and the committed samples. */
final class RtCorpus {

    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    static final Path SAMPLES = Path.of("dicom-samples/lung-phantom");

    private RtCorpus() {}

    /** A pydicom test file; fails (not skips) when python3-pydicom is not installed. */
    static Attributes pydicom(String name) throws Exception {
        Path file = PYDICOM.resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("pydicom corpus missing (apt-get install python3-pydicom): " + file);
        }
        return new DicomReader().readFile(file).dataset();
    }

    static Attributes sample(String name) throws Exception {
        return new DicomReader().readFile(SAMPLES.resolve(name)).dataset();
    }
}
