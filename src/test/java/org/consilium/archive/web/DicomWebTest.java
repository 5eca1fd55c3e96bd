package org.consilium.archive.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consilium.archive.Stow;
import org.consilium.archive.StudyAccess;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
public class DicomWebTest {

    private static final UUID FUMIN = UUID.fromString("019a0000-0000-7000-8000-000000000003");

    @Inject
    StudyAccess access;

    @Test
    void countyStoresQueriesAndRetrievesItsChineseStudy() throws Exception {
        List<Path> files = Stow.dir("chinese-name/GB18030");
        String token = Tokens.of("cx.rt");
        Stow.files(token, files).statusCode(200)
                .body("'00081199'.Value", hasSize(files.size()));
        Attributes first = header(files.get(0));
        String study = first.getString(Tag.StudyInstanceUID);

        given().auth().oauth2(token).queryParam("PatientName", "张*").get("/dicomweb/studies")
                .then().statusCode(200).contentType(containsString("application/dicom+json"))
                .body("'0020000D'.Value.flatten()", hasItem(study))
                .body("find { it.'0020000D'.Value[0] == '" + study + "' }.'00100010'.Value[0].Ideographic",
                        equalTo("张^三"))
                .body("find { it.'0020000D'.Value[0] == '" + study + "' }.'00201208'.Value[0]",
                        equalTo(files.size()));

        given().auth().oauth2(token).queryParam("PatientName", "zhang").queryParam("fuzzymatching", "true")
                .get("/dicomweb/studies").then().statusCode(200).body("'0020000D'.Value.flatten()", hasItem(study));

        // WADO-RS gives back the very bytes that were stored.
        String series = first.getString(Tag.SeriesInstanceUID);
        String sop = first.getString(Tag.SOPInstanceUID);
        Response r = given().auth().oauth2(token)
                .get("/dicomweb/studies/{st}/series/{se}/instances/{sop}", study, series, sop);
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("multipart/related"), r.contentType());
        List<byte[]> parts = parts(r);
        assertEquals(1, parts.size());
        assertArrayEquals(Stow.read(files.get(0)), parts.get(0));
    }

    @Test
    void seriesMetadataLinksPixelDataAndFramesAreCut() throws Exception {
        List<Path> files = Stow.dir("lung-phantom/CT").subList(0, 6);
        String token = Tokens.of("cx.rt");
        Stow.files(token, files).statusCode(200);
        Attributes h = header(files.get(2));
        String study = h.getString(Tag.StudyInstanceUID);
        String series = h.getString(Tag.SeriesInstanceUID);

        var metadata = given().auth().oauth2(token)
                .get("/dicomweb/studies/{st}/series/{se}/metadata", study, series)
                .then().statusCode(200).contentType(containsString("application/dicom+json"))
                .extract().jsonPath();
        assertTrue(metadata.getList("$").size() >= files.size());
        String bulk = metadata.getString("find { it.'00080018'.Value[0] == '" + h.getString(Tag.SOPInstanceUID)
                + "' }.'7FE00010'.BulkDataURI");
        assertTrue(bulk.startsWith("/dicomweb/studies/" + study), bulk);

        byte[] pixels = Stow.read(files.get(2));
        int frameBytes = h.getInt(Tag.Rows, 0) * h.getInt(Tag.Columns, 0) * 2;
        byte[] frame = parts(given().auth().oauth2(token).get(
                "/dicomweb/studies/{st}/series/{se}/instances/{sop}/frames/1", study, series,
                h.getString(Tag.SOPInstanceUID))).get(0);
        assertEquals(frameBytes, frame.length);
        // the frame is the tail of the file: native Pixel Data is the last element
        assertArrayEquals(java.util.Arrays.copyOfRange(pixels, pixels.length - frameBytes, pixels.length), frame);
        byte[] viaBulk = parts(given().auth().oauth2(token).get(bulk)).get(0);
        assertArrayEquals(frame, viaBulk);

        var all = given().auth().oauth2(token).queryParam("includefield", "all")
                .queryParam("SOPInstanceUID", h.getString(Tag.SOPInstanceUID))
                .get("/dicomweb/studies/{st}/series/{se}/instances", study, series)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Double.parseDouble(h.getString(Tag.SliceThickness)), all.getDouble("[0].'00180050'.Value[0]"), 1e-6,
                "includefield=all returns the instance's own attributes");
        assertNull(all.get("[0].'7FE00010'"), "a query answer never carries bulk data");
    }

    @Test
    void instanceQueryOverSeveralStudiesGivesEachRowItsOwnStudyAndSeries() throws Exception {
        List<Path> files = new ArrayList<>(Stow.dir("chinese-name/GB18030"));
        files.addAll(Stow.dir("lung-phantom/CT").subList(20, 23));
        files.add(Stow.dir("lung-phantom").stream().filter(p -> p.endsWith("RTSTRUCT.dcm")).findFirst().orElseThrow());
        String token = Tokens.of("cx.rt");
        Stow.files(token, files).statusCode(200);
        java.util.Map<String, Attributes> bySop = new java.util.HashMap<>();
        java.util.Set<String> studies = new java.util.TreeSet<>();
        for (Path f : files) {
            Attributes h = header(f);
            bySop.put(h.getString(Tag.SOPInstanceUID), h);
            studies.add(h.getString(Tag.StudyInstanceUID));
        }
        assertTrue(studies.size() >= 2, "the files span " + studies);

        var rows = given().auth().oauth2(token).queryParam("StudyInstanceUID", String.join(",", studies))
                .queryParam("includefield", "StudyDescription")
                .get("/dicomweb/instances").then().statusCode(200).extract().jsonPath();
        List<String> sops = rows.getList("collect { it.'00080018'.Value[0] }");
        assertTrue(sops.containsAll(bySop.keySet()), "every stored instance is found: " + sops);
        for (int i = 0; i < sops.size(); i++) {
            Attributes h = bySop.get(sops.get(i));
            if (h == null) {
                continue; // another test stored more of these studies
            }
            String row = "[" + i + "].";
            assertEquals(h.getString(Tag.StudyInstanceUID), rows.getString(row + "'0020000D'.Value[0]"));
            assertEquals(h.getString(Tag.SeriesInstanceUID), rows.getString(row + "'0020000E'.Value[0]"));
            assertEquals(h.getString(Tag.PatientID), rows.getString(row + "'00100020'.Value[0]"));
            assertEquals(h.getString(Tag.SeriesDescription), rows.getString(row + "'0008103E'.Value[0]"));
            assertEquals(h.getString(Tag.StudyDescription), rows.getString(row + "'00081030'.Value[0]"));
            if (h.contains(Tag.InstitutionName)) {
                assertNull(rows.get(row + "'00080080'"), "stored, but neither a default nor an included key");
            }
        }
    }

    @Test
    void anotherCountySeesNothingUntilGranted() throws Exception {
        List<Path> files = Stow.dir("chinese-name/ISO_IR_192");
        Stow.files(Tokens.of("cx.doctor"), files).statusCode(200);
        String study = header(files.get(0)).getString(Tag.StudyInstanceUID);
        String other = Tokens.of("fm.doctor");
        revokeGrants(study); // this class runs once per blob store, on one database

        given().auth().oauth2(other).queryParam("StudyInstanceUID", study).get("/dicomweb/studies")
                .then().statusCode(204);
        given().auth().oauth2(other).get("/dicomweb/studies/{st}/metadata", study)
                .then().statusCode(404).body("type", equalTo("urn:consilium:problem:not-found"));
        given().auth().oauth2(other).get("/dicomweb/studies/{st}", study).then().statusCode(404);

        access.grant(study, FUMIN, null, "test");
        given().auth().oauth2(other).queryParam("StudyInstanceUID", study).get("/dicomweb/studies")
                .then().statusCode(200).body("'0020000D'.Value.flatten()", hasItem(study));
        given().auth().oauth2(other).get("/dicomweb/studies/{st}/metadata", study).then().statusCode(200);
    }

    @Test
    void sameBytesAgainAreIdempotentAndChangedBytesReplaceWithAudit() throws Exception {
        Path file = Stow.dir("lung-phantom/CT").get(40);
        String token = Tokens.of("cx.rt");
        Stow.files(token, List.of(file)).statusCode(200);
        Attributes h = header(file);
        int replacedBefore = replacements(h.getString(Tag.SOPInstanceUID)); // a run before this one on the same database
        Stow.files(token, List.of(file)).statusCode(200);

        byte[] changed = Stow.read(file);
        changed[changed.length - 1] ^= 0x01; // one pixel differs
        Stow.bytes(token, List.of(changed)).statusCode(200);

        assertEquals(replacedBefore + 1, replacements(h.getString(Tag.SOPInstanceUID)));
        byte[] current = parts(given().auth().oauth2(token).get("/dicomweb/studies/{st}/series/{se}/instances/{sop}",
                h.getString(Tag.StudyInstanceUID), h.getString(Tag.SeriesInstanceUID),
                h.getString(Tag.SOPInstanceUID))).get(0);
        assertArrayEquals(changed, current);
    }

    @Test
    void anotherHospitalCannotAddToAStudyItDoesNotOwn() throws Exception {
        Path file = Stow.dir("lung-phantom/CT").get(50);
        Stow.files(Tokens.of("cx.rt"), List.of(file)).statusCode(200);
        Stow.files(Tokens.of("fm.rt"), List.of(file)).statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0124))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(header(file).getString(Tag.SOPInstanceUID)))
                .body("'00081198'.Value[0].'00081150'.Value[0]", equalTo(header(file).getString(Tag.SOPClassUID)));
    }

    @Test
    void notDicomIsRefusedPerInstanceAndBadBodiesAreProblems() {
        Stow.bytes(Tokens.of("cx.rt"), List.of("this is not DICOM".getBytes()))
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000));
        given().auth().oauth2(Tokens.of("cx.rt")).contentType(Stow.CONTENT_TYPE)
                .body("--test-boundary-42\r\nContent-Type: application/dicom\r\n\r\nno end".getBytes())
                .post("/dicomweb/studies").then().statusCode(400)
                .body("type", equalTo("urn:consilium:problem:bad-request"));
        given().auth().oauth2(Tokens.of("cx.rt")).contentType("application/json").body("{}")
                .post("/dicomweb/studies").then().statusCode(415);
    }

    @Test
    void dicomWebNeedsAToken() {
        given().get("/dicomweb/studies").then().statusCode(401);
    }

    private static int replacements(String sopInstanceUid) {
        return given().auth().oauth2(Tokens.of("platform.admin")).queryParam("action", "instance.replace")
                .queryParam("target", "instance:" + sopInstanceUid).get("/api/audit")
                .then().statusCode(200).extract().path("total");
    }

    private static void revokeGrants(String studyUid) throws java.sql.SQLException {
        try (java.sql.Connection c = ConsiliumTestResource.stack().postgres().superuserConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("delete from study_grant where study_uid = ?")) {
            ps.setString(1, studyUid);
            ps.executeUpdate();
        }
    }

    public static Attributes header(Path file) throws Exception {
        return new DicomReader(DicomReader.Options.DEFAULT.withStopBeforePixelData(true)).readFile(file).dataset();
    }

    public static List<byte[]> parts(Response r) throws IOException {
        assertEquals(200, r.statusCode(), r.asString());
        String boundary = MediaTypes.parameter(r.contentType(), "boundary");
        MultipartRelatedReader reader = new MultipartRelatedReader(new ByteArrayInputStream(r.asByteArray()), boundary);
        List<byte[]> out = new ArrayList<>();
        while (reader.next()) {
            out.add(reader.body().readAllBytes());
        }
        return out;
    }

}
