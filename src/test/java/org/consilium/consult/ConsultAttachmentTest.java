package org.consilium.consult;

import static io.restassured.RestAssured.given;
import static org.consilium.consult.ConsultFixtures.consult;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.consilium.archive.store.BlobSweeper;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ConsultAttachmentTest {

    @Inject
    BlobSweeper sweeper;

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void pdfIsStoredAndReadBackByThoseWhoMaySeeTheConsult() {
        String id = consult("cx.doctor", "林巧稚");
        String aid = upload("cx.doctor", id, "application/pdf", PDF, "病理报告.pdf").then().statusCode(201)
                .body("mediaType", equalTo("application/pdf")).body("size", equalTo(PDF.length))
                .body("filename", equalTo("病理报告.pdf")).extract().path("id");
        byte[] back = given().auth().oauth2(Tokens.of("cm.wang")).get("/api/consults/{id}/attachments/{a}", id, aid)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(PDF, back);
        given().auth().oauth2(Tokens.of("fm.doctor")).get("/api/consults/{id}/attachments/{a}", id, aid)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("cx.rt")).get("/api/consults/{id}", id).then()
                .body("attachments[0].kind", equalTo("PATHOLOGY"));
    }

    @Test
    void anAttachmentsBlobOutlivesTheArchivesSweep() throws Exception {
        String id = consult("cx.doctor", "钱学森");
        byte[] pdf = (new String(PDF, StandardCharsets.US_ASCII) + "% " + id + "\n").getBytes(StandardCharsets.US_ASCII);
        String aid = upload("cx.doctor", id, "application/pdf", pdf, "病理.pdf").then().statusCode(201)
                .extract().path("id");
        sweeper.sweep(Duration.ZERO);
        byte[] back = given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/consults/{id}/attachments/{a}", id, aid)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(pdf, back);
    }

    @Test
    void contentTypeIsJudgedByMagicBytes() {
        String id = consult("cx.doctor", "华罗庚");
        upload("cx.doctor", id, "application/octet-stream", PNG, "ct.png").then().statusCode(201)
                .body("mediaType", equalTo("image/png"));
        upload("cx.doctor", id, "application/pdf", PNG, "fake.pdf").then().statusCode(415)
                .body("type", equalTo("urn:consilium:problem:unsupported-media-type"));
        upload("cx.doctor", id, "application/pdf", "<html>".getBytes(StandardCharsets.US_ASCII), "x.pdf").then()
                .statusCode(415);
    }

    @Test
    void oversizedAttachmentIsRefused() {
        String id = consult("cx.doctor", "茅以升");
        byte[] big = Arrays.copyOf(PDF, 1024 * 1024 + 1); // the test profile caps attachments at 1 MiB
        upload("cx.doctor", id, "application/pdf", big, "big.pdf").then().statusCode(413);
        given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/consults/{id}", id).then()
                .body("attachments.size()", equalTo(0));
    }

    static io.restassured.response.Response upload(String user, String consultId, String type, byte[] bytes,
                                                   String filename) {
        return given().auth().oauth2(Tokens.of(user)).contentType(type).queryParam("kind", "PATHOLOGY")
                .queryParam("filename", filename).body(bytes).post("/api/consults/{id}/attachments", consultId);
    }
}
