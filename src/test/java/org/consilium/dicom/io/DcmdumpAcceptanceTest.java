package org.consilium.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Fragments;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dcmtk's dcmdump (Debian dcmtk) parses every file we write, without errors. */
class DcmdumpAcceptanceTest {

    @Test
    void dcmdumpParsesEverythingWeWrite(@TempDir Path dir) throws Exception {
        List<Path> written = new ArrayList<>();
        for (String ts : List.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian, UID.ExplicitVRBigEndian,
                UID.DeflatedExplicitVRLittleEndian)) {
            Path f = dir.resolve("sample-" + ts + ".dcm");
            new DicomWriter().writeFile(f, null, DicomWriterTest.sample(), ts);
            written.add(f);
        }
        Attributes jpeg = DicomWriterTest.sample();
        jpeg.setValue(Tag.PixelData, VR.OB, new Fragments().add(new byte[0]).add(new byte[] {(byte) 0xFF, (byte) 0xD8, 1}));
        written.add(dir.resolve("fragments.dcm"));
        new DicomWriter().writeFile(written.get(written.size() - 1), null, jpeg, UID.JPEGBaseline8Bit);
        for (String name : PydicomCorpusRoundTripTest.filesPydicomReads()) {
            if (PydicomCorpusRoundTripTest.REJECTED.containsKey(name)) {
                continue;
            }
            DicomFile f = new DicomReader().readFile(ExternalTools.PYDICOM_DATA.resolve(name));
            if (f.fileMetaInformation() == null) {
                continue; // a raw data set is no Part 10 file for dcmdump to check
            }
            Path out = dir.resolve(name.replace('/', '_') + ".out.dcm");
            new DicomWriter().writeFile(out, f);
            written.add(out);
        }
        assertTrue(written.size() > 90, "too few files written: " + written.size());
        for (Path f : written) {
            ExternalTools.Result r = ExternalTools.run(List.of("dcmdump", f.toString()));
            assertEquals(0, r.exitCode(), () -> f.getFileName() + ": " + r.output());
            assertTrue(r.output().lines().noneMatch(l -> l.startsWith("E:")), () -> f.getFileName() + ": " + r.output());
        }
        assertTrue(Files.size(written.get(0)) > 132);
    }
}
