package org.consilium.archive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.consilium.archive.web.DicomWebTest;
import org.consilium.archive.dimse.DimseListener;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.net.association.ConnectOptions;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.dimse.StoreScu;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects as county equipment sends them, which dcmtk and Orthanc store: issue 20's three cases first. The
 * archive stores them byte for byte, indexes what it can, and says what it coerced; bad data gets a failure
 * that names the attribute, never a 500 or A700.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class RealWorldInputTest {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Inject
    DimseListener listener;

    @TempDir
    Path dir;

    @Test
    void aBigEndianObjectWithAnAcrNemaStudyDateIsStoredWithACoercionWarning() throws Exception {
        byte[] sent = Files.readAllBytes(PYDICOM.resolve("ExplVR_BigEnd.dcm"));
        Attributes h = header(sent);
        String token = Tokens.of("cx.rt");

        Stow.bytes(token, List.of(sent)).statusCode(202)
                .body("'00081199'.Value[0].'00081196'.Value[0]", equalTo(0xB000))
                .body("'00081199'.Value[0].'0040A160'.Value[0]", containsString("StudyDate (0008,0020): date in a"
                        + " legacy form, \"1997.04.24\" indexed as \"19970424\""))
                .body("'00081199'.Value[0].'0040A160'.Value[0]", containsString("StudyTime (0008,0030)"));

        assertArrayEquals(sent, retrieve(token, h), "stored byte for byte");
        given().auth().oauth2(token).queryParam("StudyDate", "19970424")
                .queryParam("StudyInstanceUID", h.getString(Tag.StudyInstanceUID)).get("/dicomweb/studies")
                .then().statusCode(200)
                .body("'00080020'.Value[0]", hasItem("1997.04.24")); // matched normalised, shown as sent
        given().auth().oauth2(token).queryParam("StudyDate", "1997.04.20-1997.04.30")
                .queryParam("StudyInstanceUID", h.getString(Tag.StudyInstanceUID)).get("/dicomweb/studies")
                .then().statusCode(200).body("'0020000D'.Value.flatten()", hasItem(h.getString(Tag.StudyInstanceUID)));
    }

    @Test
    void cStoreOfAnAcrNemaDateAnswersCoercionWarningNotOutOfResources() throws Exception {
        Path file = variant(PYDICOM.resolve("ExplVR_BigEnd.dcm"), ds -> { }, 0);
        Dcmtk.Result r = storescu(file);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received Store Response (Warning: CoercionOfDataElements)"), r.output());

        Status status = storeWithOurScu(variant(PYDICOM.resolve("ExplVR_BigEnd.dcm"), ds -> { }, 0));
        assertEquals(Status.WARNING_COERCION, status.code());
        assertEquals(List.of(Tag.StudyDate, Tag.StudyTime), status.offendingElements());
        assertEquals("index coerced StudyDate, StudyTime", status.errorComment());
    }

    @Test
    void numberOfFramesThatIsNoNumberIsIndexedAsAbsentInsteadOfA500() throws Exception {
        Path file = variant(PYDICOM.resolve("CT_small.dcm"), ds -> ds.setString(Tag.NumberOfFrames, VR.IS, "1A"), 0);
        byte[] sent = Files.readAllBytes(file);
        String token = Tokens.of("cx.rt");
        Stow.bytes(token, List.of(sent)).statusCode(202)
                .body("'00081199'.Value[0].'00081196'.Value[0]", equalTo(0xB000))
                .body("'00081199'.Value[0].'0040A160'.Value[0]",
                        containsString("NumberOfFrames (0028,0008): not an integer, \"1A\" indexed as absent"));
        Attributes h = header(sent);
        assertArrayEquals(sent, retrieve(token, h));
        given().auth().oauth2(token).get("/dicomweb/studies/{st}/instances", h.getString(Tag.StudyInstanceUID))
                .then().statusCode(200).body("[0]", not(org.hamcrest.Matchers.hasKey("00280008")));
    }

    @Test
    void zeroPaddingAfterTheLastElementIsStoredAsSent() throws Exception {
        Path file = variant(PYDICOM.resolve("CT_small.dcm"), ds -> { }, 64);
        byte[] sent = Files.readAllBytes(file);
        String token = Tokens.of("cx.rt");
        Stow.bytes(token, List.of(sent)).statusCode(200);
        assertArrayEquals(sent, retrieve(token, header(sent)));
    }

    @Test
    void aMissingStudyInstanceUidIsRefusedNamingItOverStowAndCStore() throws Exception {
        Path file = variant(PYDICOM.resolve("CT_small.dcm"), ds -> ds.remove(Tag.StudyInstanceUID), 0);
        Stow.bytes(Tokens.of("cx.rt"), List.of(Files.readAllBytes(file))).statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xA900))
                .body("'00081198'.Value[0].'0040A160'.Value[0]", containsString("StudyInstanceUID is missing"));
        Dcmtk.Result r = storescu(file);
        assertTrue(r.output().contains("Received Store Response (Error: DataSetDoesNotMatchSOPClass)"), r.output());

        Status status = storeWithOurScu(file);
        assertEquals(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, status.code());
        assertEquals("(0020,000D): StudyInstanceUID is missing", status.errorComment());
        assertEquals(List.of(Tag.StudyInstanceUID), status.offendingElements());
    }

    @Test
    void aDataSetThatCannotBeParsedIsCannotUnderstandNamingTagAndOffset() throws Exception {
        Path file = variant(PYDICOM.resolve("CT_small.dcm"), ds -> { }, 0);
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, new byte[] {0x08, 0x00, 0x20, 0x00, 'D', 'A'}); // StudyDate's header
        bytes[at + 4] = '?'; // no VR
        Files.write(file, bytes);
        Status status = storeWithOurScu(file);
        assertEquals(Status.CANNOT_UNDERSTAND, status.code(), status.toString());
        assertTrue(status.errorComment().startsWith("StudyDate (0008,0020) @"), status.errorComment());
        Stow.bytes(Tokens.of("cx.rt"), List.of(bytes)).statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private Status storeWithOurScu(Path file) throws Exception {
        try (StoreScu scu = StoreScu.open(ConnectOptions.of("localhost", listener.port(), "CHANGXING_PACS",
                "CONSILIUM"), List.of(file))) {
            return scu.store(file);
        }
    }

    /** A copy of a corpus file with fresh UIDs (so tests do not meet each other's studies), edited, padded. */
    private Path variant(Path source, Consumer<Attributes> edit, int zeroPadding) throws Exception {
        DicomFile f = new DicomReader(DicomReader.Options.IN_MEMORY).readFile(source);
        Attributes ds = f.dataset();
        String unique = Implementation.ROOT_UID + ".99." + ProcessHandle.current().pid() + "." + System.nanoTime()
                + "." + SERIAL.incrementAndGet();
        ds.setString(Tag.StudyInstanceUID, VR.UI, unique + ".1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, unique + ".2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, unique + ".3");
        edit.accept(ds);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().writeFile(out, null, ds, f.transferSyntaxUid());
        Path file = dir.resolve(source.getFileName());
        Files.write(file, Arrays.copyOf(out.toByteArray(), out.size() + zeroPadding));
        return file;
    }

    private Dcmtk.Result storescu(Path file) throws Exception {
        return Dcmtk.run("storescu", "-v", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost",
                String.valueOf(listener.port()), file.toString());
    }

    private static byte[] retrieve(String token, Attributes h) throws Exception {
        return DicomWebTest.parts(given().auth().oauth2(token).get("/dicomweb/studies/{st}/series/{se}/instances/{sop}",
                h.getString(Tag.StudyInstanceUID), h.getString(Tag.SeriesInstanceUID),
                h.getString(Tag.SOPInstanceUID))).get(0);
    }

    private static Attributes header(byte[] part10) throws Exception {
        return new DicomReader(DicomReader.Options.DEFAULT.withStopBeforePixelData(true))
                .read(new java.io.ByteArrayInputStream(part10)).dataset();
    }
}
