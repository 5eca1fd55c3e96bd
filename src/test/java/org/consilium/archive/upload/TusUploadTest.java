package org.consilium.archive.upload;

import static io.restassured.RestAssured.given;
import static org.consilium.consult.ConsultFixtures.consult;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.consilium.archive.Stow;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The tus 1.0 server against the real archive and Keycloak: a CT slice sent in three pieces, one of them cut
 * short as a dropped link cuts it, resumes at the offset the server holds and is stored in the archive; a
 * wrong offset is refused; another user cannot see the upload; termination deletes it; an attachment goes to
 * its consult; and the completion is audited with the bytes received.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class TusUploadTest {

    static final Path CT = Stow.dir("lung-phantom/CT").get(7);

    @Test
    void aSliceSentInPiecesResumesAtTheServersOffsetAndIsStoredInTheArchive() throws Exception {
        byte[] file = Files.readAllBytes(CT);
        String token = Tokens.of("cx.doctor");
        String location = create(token, file.length, "purpose dicom", "filename CT7.dcm").then().statusCode(201)
                .header("Tus-Resumable", "1.0.0").header("Upload-Expires", containsString("GMT"))
                .extract().header("Location");
        String path = location.substring(location.indexOf("/api/uploads/"));
        head(token, path).then().statusCode(200).header("Upload-Offset", "0")
                .header("Upload-Length", Integer.toString(file.length)).header("Cache-Control", "no-store");

        int third = file.length / 3;
        patch(token, path, 0, Arrays.copyOfRange(file, 0, third)).then().statusCode(204)
                .header("Upload-Offset", Integer.toString(third));
        // a stale client that thinks nothing arrived is told no; it must ask for the offset
        patch(token, path, 0, Arrays.copyOfRange(file, 0, third)).then().statusCode(409);
        patch(token, path, third, Arrays.copyOfRange(file, third, 2 * third)).then().statusCode(204);
        String offset = head(token, path).then().statusCode(200).extract().header("Upload-Offset");
        assertEquals(Integer.toString(2 * third), offset);

        // someone else, even of the same hospital, finds no such upload
        head(Tokens.of("cx.rt"), path).then().statusCode(404);
        patch(Tokens.of("cx.rt"), path, 2 * third, new byte[] {1}).then().statusCode(404);

        String study = patch(token, path, 2 * third, Arrays.copyOfRange(file, 2 * third, file.length)).then()
                .statusCode(204).header("Upload-Offset", Integer.toString(file.length))
                .extract().header(UploadResource.RESULT);
        assertEquals("1.2.826.0.1.3680043.10.1453.2.1.1", study);
        head(token, path).then().statusCode(200).header(UploadResource.RESULT, study);
        given().auth().oauth2(token).get("/dicomweb/studies/{s}/series", study).then().statusCode(200);

        String id = path.substring(path.lastIndexOf('/') + 1);
        given().auth().oauth2(Tokens.of("platform.admin")).queryParam("action", "upload.complete")
                .queryParam("target", "upload:" + id).get("/api/audit").then().statusCode(200)
                .body("items[0].detail", equalTo("CT7.dcm (dicom): " + file.length + " bytes, " + file.length
                        + " received in 3 requests, resumed at [0, " + 2 * third + "] -> " + study));
    }

    @Test
    void badRequestsAreRefusedWithTheProtocolsAnswers() {
        String token = Tokens.of("cx.doctor");
        given().auth().oauth2(token).header("Upload-Length", "10").header("Upload-Metadata", meta("purpose dicom"))
                .post("/api/uploads").then().statusCode(412).header("Tus-Version", "1.0.0")
                .contentType("application/problem+json");
        create(token, 10, "purpose video").then().statusCode(400)
                .body("detail", containsString("purpose must be one of [attachment, dicom]"));
        given().auth().oauth2(token).header("Tus-Resumable", "1.0.0").header("Upload-Length", "10")
                .header("Upload-Metadata", "purpose !!!").post("/api/uploads").then().statusCode(400);
        given().auth().oauth2(token).header("Tus-Resumable", "1.0.0").header("Upload-Metadata", meta("purpose dicom"))
                .post("/api/uploads").then().statusCode(400).body("detail", containsString("Upload-Length"));
        given().auth().oauth2(token).options("/api/uploads").then().statusCode(204)
                .header("Tus-Extension", "creation,termination,expiration");

        // a file that is not DICOM is refused when complete, and its upload is gone
        String path = path(create(token, 5, "purpose dicom", "filename x.dcm"));
        patch(token, path, 0, "hello".getBytes(StandardCharsets.US_ASCII)).then().statusCode(400);
        head(token, path).then().statusCode(404);

        // more bytes than declared
        String two = path(create(token, 2, "purpose dicom", "filename y.dcm"));
        patch(token, two, 0, new byte[] {1, 2, 3}).then().statusCode(400);

        // termination
        String three = path(create(token, 100, "purpose dicom", "filename z.dcm"));
        given().auth().oauth2(token).header("Tus-Resumable", "1.0.0").delete(three).then().statusCode(204);
        head(token, three).then().statusCode(404);
    }

    @Test
    void anAttachmentGoesToItsConsultWithinTheConsultsLimits() {
        String consult = consult("cx.doctor", "侯德榜");
        String token = Tokens.of("cx.doctor");
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String path = path(create(token, pdf.length, "purpose attachment", "consultId " + consult, "kind PATHOLOGY",
                "filename 病理报告.pdf"));
        String attachment = patch(token, path, 0, pdf).then().statusCode(204).extract().header(UploadResource.RESULT);
        byte[] back = given().auth().oauth2(token).get("/api/consults/{c}/attachments/{a}", consult, attachment)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(pdf, back);
        given().auth().oauth2(token).get("/api/consults/{c}", consult).then()
                .body("attachments.filename", hasItem("病理报告.pdf"));

        // refused before a byte is sent: too large for an attachment, or a consult of another hospital
        create(token, 1024 * 1024 + 1, "purpose attachment", "consultId " + consult, "kind PATHOLOGY",
                "filename big.pdf").then().statusCode(413);
        create(Tokens.of("fm.doctor"), pdf.length, "purpose attachment", "consultId " + consult, "kind LAB",
                "filename x.pdf").then().statusCode(404);
    }

    @Test
    void metadataRoundTripsThroughItsHeader() {
        String header = TusMetadata.format(new java.util.LinkedHashMap<>(java.util.Map.of("filename", "病理.pdf")));
        assertEquals(java.util.Map.of("filename", "病理.pdf"), TusMetadata.parse(header));
        assertEquals(java.util.Map.of("is_confidential", ""), TusMetadata.parse("is_confidential"));
        assertTrue(List.of("a b c", "a b,a b", " ").stream().allMatch(h -> {
            try {
                TusMetadata.parse(h.replace("b", "Yg=="));
                return h.isBlank();
            } catch (IllegalArgumentException e) {
                return true;
            }
        }));
    }

    static Response create(String token, long length, String... pairs) {
        return tus(token).header("Upload-Length", Long.toString(length)).header("Upload-Metadata", meta(pairs))
                .post("/api/uploads");
    }

    static String path(Response created) {
        String location = created.then().statusCode(201).extract().header("Location");
        return location.substring(location.indexOf("/api/uploads/"));
    }

    static Response head(String token, String path) {
        return tus(token).head(path);
    }

    static Response patch(String token, String path, long offset, byte[] bytes) {
        return tus(token).header("Upload-Offset", Long.toString(offset))
                .contentType("application/offset+octet-stream").body(bytes).patch(path);
    }

    static RequestSpecification tus(String token) {
        return given().auth().oauth2(token).header("Tus-Resumable", "1.0.0");
    }

    /** "purpose dicom" -> "purpose ZGljb20=", each pair base64'd as tus wants. */
    static String meta(String... pairs) {
        return String.join(",", Arrays.stream(pairs).map(p -> {
            int space = p.indexOf(' ');
            return p.substring(0, space) + " "
                    + Base64.getEncoder().encodeToString(p.substring(space + 1).getBytes(StandardCharsets.UTF_8));
        }).toList());
    }
}
